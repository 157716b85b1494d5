/** Strings of the class debrief: the printable page and the JSON and CSV exports. */
export const report = {
  report: {
    buttons: {
      print: '돌아보기 인쇄',
      exportJson: '게임 내보내기(JSON)',
      exportCsv: '지표 내보내기(CSV)',
    },
    announce: {
      json: '게임 전체를 JSON 파일로 다운로드 폴더에 저장했습니다.',
      csv: '턴별 지표를 CSV 파일로 다운로드 폴더에 저장했습니다.',
      opened: '인쇄용 돌아보기를 열었습니다. 인쇄하거나 PDF로 저장하세요. Esc를 누르면 게임으로 돌아갑니다.',
      failed: '보고서를 불러오지 못했습니다({{message}}). 페이지를 새로고침한 뒤 다시 시도하세요.',
    },
    view: {
      back: '게임으로 돌아가기',
      print: '인쇄 / PDF로 저장',
      hint: '파일로 남기려면 인쇄 창에서 “PDF로 저장”을 선택하세요.',
    },
    documentTitle: '돌아보기 — {{title}} — 가깝고도 먼 나라',
    kicker: '가깝고도 먼 나라 · 수업 돌아보기',
    facts: {
      date: '날짜',
      period: '시기',
      mode: '플레이 방식',
      turns: '턴 수',
      turnsValue: '{{played}} (전체 {{turns}}턴)',
    },
    mode: {
      solo: '한 명이 컴퓨터와 대결',
      hotseat: '두 팀이 한 화면에서 번갈아(핫시트)',
      class: '두 팀이 각자의 기기로(클래스 서버)',
    },
    played: {
      team: '수업의 팀',
      player: '플레이어',
      computer: '컴퓨터({{difficulty}})',
    },
    sides: {
      heading: '각 진영을 맡은 사람과 결과',
      side: '진영',
      player: '플레이한 쪽',
      outcome: '결과',
      score: '점수',
    },
    ending: {
      heading: '결말',
      byInstructorTitle: '교사가 게임을 종료함',
      running: '게임이 아직 진행 중입니다: {{turn}}턴 (전체 {{turns}}턴).',
    },
    chart: {
      heading: '모든 지표의 변화',
      note: '실제 값입니다(게임이 끝났으므로 이제 숨겨진 값은 없습니다). 각 지표는 자체 범위로 그렸습니다. 0%는 최솟값, 100%는 최댓값입니다. 번호가 붙은 점선은 아래에 나열한 주요 사건을 나타냅니다.',
      share: '{{percent}}%',
      axisTurn: '진행한 턴',
      summary: '{{start}} → {{end}}',
    },
    meters: {
      heading: '시작과 끝의 지표',
      meter: '지표',
      range: '범위',
      start: '시작',
      end: '끝',
      change: '변화',
      seenBy: '{{side}}에서 본 방식',
      seen: { exact: '정확히', poll: '여론조사로', hidden: '비공개' },
    },
    arguments: {
      heading: '결과를 좌우한 에세이의 논지',
      note: '각 에세이를 근거로 한 원인이 지표를 얼마나 움직였는지(양 진영 합계) 순서입니다.',
      weight: '지표를 모두 {{points}}포인트 움직임',
    },
    timeline: {
      note: '턴마다 양 진영의 결정, 사건과 그에 대한 대응, 그리고 가장 큰 변화와 그 원인 및 근거가 된 에세이를 보여 줍니다.',
      events: '사건',
      changes: '가장 큰 변화',
      together: '{{title}}(합의)',
      proposed: '{{title}}(제안)',
      cutShort: '없음: 결정 전에 교사가 게임을 종료했습니다',
      answered: '{{side}}의 대응: {{choice}}',
      firedByInstructor: '{{title}}(교사가 일으킨 사건)',
    },
    interventions: {
      heading: '교사의 개입',
      none: '이 게임에서는 교사의 개입이 없었습니다.',
    },
    questions: {
      heading: '토론을 위한 질문',
      note: '각 질문 아래 칸에 답을 적으세요.',
      none: '이 시나리오에는 토론을 위한 질문이 없습니다.',
    },
    sources: {
      heading: '이 시나리오의 바탕이 된 에세이',
      entry: '{{author}}, “{{title}}”({{year}})',
      withPublisher: '{{author}}, “{{title}}”({{year}}), {{publisher}}',
    },
    /** How a list and a label are joined in running text. */
    punctuation: {
      list: ', ',
      items: ', ',
      colon: ': ',
      withAnswer: '{{event}} — {{answer}}',
    },
    csv: {
      turn: '턴',
      date: '날짜',
      meter: '{{label}} ({{id}})',
    },
  },
};
