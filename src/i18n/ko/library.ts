/** Strings of an instructor's own scenarios: loading a file, its located problems, the remembered list. */
export const library = {
  library: {
    load: '시나리오 파일 불러오기…',
    yourFile: '내 파일: {{file}}',
    remove: '목록에서 삭제',
    removed: '{{file}}을(를) 목록에서 삭제했습니다.',
    checking: '{{file}}을(를) 확인하는 중…',
    added: '{{title}}({{file}})을(를) 목록에 추가했습니다.',
    replaced: '{{title}}({{file}})(으)로 목록의 이전 판을 바꿨습니다.',
    restoring: '저장한 시나리오 파일을 불러오는 중…',
    dropHere: '시나리오 파일(.yaml)을 여기에 놓으면 목록에 추가됩니다',
    more: '다른 시나리오: 스크롤하거나 화살표 키를 사용하세요',
    dialog: {
      headingFailed: '{{file}}을(를) 불러올 수 없습니다',
      headingWarning: '{{file}}을(를) 불러왔습니다(주의 사항 있음)',
      headingRemembered: '저장된 파일 {{file}}이(가) 더 이상 확인을 통과하지 않습니다',
      headingLibrary: '저장한 시나리오 파일 목록을 읽을 수 없습니다',
      headingMany_other: '파일 {{count}}개를 불러올 수 없습니다',
      intro: '편집기에서 각 문제를 고쳐 저장한 뒤 파일을 다시 불러오세요. 명령줄 검사(npm run scenario -- check)도 같은 목록을 보여 줍니다. 메시지는 영어로 표시됩니다.',
      introOther: '그 밖에는 아무것도 바뀌지 않았습니다. 게임은 그대로 계속됩니다.',
      from: '가져온 곳: {{url}}',
      count_other: '{{file}}: 문제 {{count}}개',
      copy: '문제 복사',
      copied: '문제를 복사했습니다.',
      copyFailed: '복사할 수 없습니다. 텍스트를 선택해 직접 복사하세요.',
      close: '닫기',
      forget: '{{file}} 저장 해제',
    },
    reasons: {
      shippedId:
        "ID '{{id}}'는 게임에 포함된 시나리오의 것입니다. 파일 앞부분의 id: 줄에 고유한 ID를 붙여 저장한 뒤 다시 불러오세요.",
      storageFull:
        '{{file}}은(는) 이번 방문에만 목록에 있습니다. 브라우저 저장 공간이 가득 차 다음을 위해 저장할 수 없습니다. 필요 없는 파일을 목록에서 삭제한 뒤 이 파일을 다시 불러오세요.',
      storageRefused:
        '브라우저가 {{file}}의 저장을 거부했습니다(저장이 꺼져 있거나 시크릿 창일 수 있습니다). 이번 방문에만 목록에 있습니다.',
      libraryUnreadable:
        '저장한 시나리오 파일 목록이 손상되어 읽을 수 없습니다. 그대로 남겨 두었습니다(새로 저장하기 전에 cyd.library.unreadable에 복사합니다). 파일을 다시 불러오세요.',
      fileUnreadable: '파일을 읽을 수 없습니다({{detail}}). 아무것도 바뀌지 않았습니다.',
      badAddress: "'{{url}}'은(는) 시나리오를 불러올 수 있는 주소가 아닙니다. https://로 시작하는 주소나 scenarios/my_file.yaml 같은 이 사이트의 파일을 지정하세요.",
      fetchFailed:
        '{{url}}을(를) 내려받을 수 없습니다. 주소와 연결을 확인하세요. 다른 사이트의 파일은 그 사이트가 허용할 때(CORS)만 불러올 수 있습니다. 허용하지 않으면 파일을 내려받아 버튼으로 불러오거나 페이지에 끌어다 놓으세요.',
      httpStatus: '{{url}}을(를) 내려받을 수 없습니다. 서버 응답: {{status}}. 주소를 확인하세요.',
      notYaml: '{{url}}은(는) 시나리오 파일이 아니라 웹 페이지였습니다. 파일 자체의 주소를 지정하세요(GitHub에서는 Raw 버튼의 링크).',
      checkerUnavailable: '시나리오 검사 기능을 불러올 수 없습니다({{detail}}). 연결을 확인하고 다시 시도하세요.',
    },
  },
};
