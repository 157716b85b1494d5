/** Strings of the class debrief: the printable page and the JSON and CSV exports. */
export const report = {
  report: {
    buttons: {
      print: '振り返りを印刷',
      exportJson: 'ゲームを書き出す（JSON）',
      exportCsv: 'メーターを書き出す（CSV）',
    },
    announce: {
      json: 'ゲーム全体を JSON ファイルとしてダウンロードに保存しました。',
      csv: 'ターンごとのメーターを CSV ファイルとしてダウンロードに保存しました。',
      opened: '印刷用の振り返りを開きました。印刷するか PDF として保存してください。Esc でゲームに戻ります。',
      failed: 'レポートを読み込めませんでした（{{message}}）。ページを再読み込みしてもう一度お試しください。',
    },
    view: {
      back: 'ゲームに戻る',
      print: '印刷 / PDF に保存',
      hint: 'ファイルとして残すには、印刷画面で「PDF に保存」を選んでください。',
    },
    documentTitle: '振り返り — {{title}} — 近くて遠い国',
    kicker: '近くて遠い国 · クラスの振り返り',
    facts: {
      date: '日付',
      period: '時期',
      mode: 'プレイ方法',
      turns: 'ターン数',
      turnsValue: '{{played}}（全{{turns}}ターン）',
    },
    mode: {
      solo: '1人でコンピューターと対戦',
      hotseat: '2チームが1つの画面で交代（ホットシート）',
      class: '2チームがそれぞれの端末で（クラスサーバー）',
    },
    played: {
      team: 'クラスのチーム',
      player: 'プレイヤー',
      computer: 'コンピューター（{{difficulty}}）',
    },
    sides: {
      heading: '各陣営のプレイヤーと結果',
      side: '陣営',
      player: 'プレイしたのは',
      outcome: '結果',
      score: 'スコア',
    },
    ending: {
      heading: '結末',
      byInstructorTitle: '教員がゲームを終了',
      running: 'ゲームはまだ続いています：{{turn}}ターン目（全{{turns}}ターン）。',
    },
    chart: {
      heading: 'すべてのメーターの推移',
      note: '実際の値です（ゲームが終わったので、もう隠された値はありません）。各メーターはそれぞれの範囲で描いています。0% が最小値、100% が最大値です。番号付きの点線は、下に挙げた主な出来事を示します。',
      share: '{{percent}}%',
      axisTurn: '経過ターン',
      summary: '{{start}} → {{end}}',
    },
    meters: {
      heading: '開始時と終了時のメーター',
      meter: 'メーター',
      range: '範囲',
      start: '開始',
      end: '終了',
      change: '変化',
      seenBy: '{{side}}からの見え方',
      seen: { exact: '正確に', poll: '世論調査で', hidden: '非公開' },
    },
    arguments: {
      heading: '結果を左右したエッセイの議論',
      note: '各エッセイを根拠とする原因がメーターをどれだけ動かしたか（両陣営の合計）の順です。',
      weight: 'メーターを合計 {{points}} ポイント動かしました',
    },
    timeline: {
      note: '各ターンについて、両陣営の決定、出来事とその対応、そして最も大きな変化とその原因・根拠となったエッセイを示します。',
      events: '出来事',
      changes: '最も大きな変化',
      together: '{{title}}（合意）',
      proposed: '{{title}}（提案）',
      cutShort: 'なし：決定の前に教員がゲームを終了しました',
      answered: '{{side}}の対応：{{choice}}',
      firedByInstructor: '{{title}}（教員が発生させた出来事）',
    },
    interventions: {
      heading: '教員による介入',
      none: 'このゲームで教員の介入はありませんでした。',
    },
    questions: {
      heading: '話し合いのための問い',
      note: '各問いの下の欄に答えを書いてください。',
      none: 'このシナリオには話し合いのための問いがありません。',
    },
    sources: {
      heading: 'このシナリオのもとになったエッセイ',
      entry: '{{author}}「{{title}}」（{{year}}）',
      withPublisher: '{{author}}「{{title}}」（{{year}}）、{{publisher}}',
    },
    /** How a list and a label are joined in running text. */
    punctuation: {
      list: '、',
      items: '、',
      colon: '：',
      withAnswer: '{{event}} — {{answer}}',
    },
    csv: {
      turn: 'ターン',
      date: '日付',
      meter: '{{label}} ({{id}})',
    },
  },
};
