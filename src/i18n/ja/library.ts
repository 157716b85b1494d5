/** Strings of an instructor's own scenarios: loading a file, its located problems, the remembered list. */
export const library = {
  library: {
    load: 'シナリオファイルを読み込む…',
    yourFile: '自作ファイル：{{file}}',
    remove: '一覧から削除',
    removed: '{{file}} を一覧から削除しました。',
    checking: '{{file}} を確認しています…',
    added: '{{title}}（{{file}}）を一覧に追加しました。',
    replaced: '{{title}}（{{file}}）で一覧の以前の版を置き換えました。',
    restoring: '保存したシナリオファイルを読み込んでいます…',
    dropHere: 'シナリオファイル（.yaml）をここにドロップすると一覧に追加されます',
    more: 'ほかのシナリオ：スクロールするか矢印キーを使ってください',
    dialog: {
      headingFailed: '{{file}} を読み込めませんでした',
      headingWarning: '{{file}} を読み込みました（注意があります）',
      headingRemembered: '保存済みのファイル {{file}} が確認を通らなくなりました',
      headingLibrary: '保存したシナリオファイルの一覧を読み取れませんでした',
      headingMany_other: '{{count}} 件のファイルを読み込めませんでした',
      intro: 'エディターでそれぞれの問題を直して保存し、もう一度読み込んでください。コマンドラインの確認（npm run scenario -- check）でも同じ一覧が出ます。メッセージは英語です。',
      introOther: 'ほかには何も変わっていません。ゲームはそのまま続けられます。',
      from: '取得元：{{url}}',
      count_other: '{{file}}：問題 {{count}} 件',
      copy: '問題をコピー',
      copied: '問題をコピーしました。',
      copyFailed: 'コピーできませんでした。テキストを選択して手動でコピーしてください。',
      close: '閉じる',
      forget: '{{file}} の保存を解除',
    },
    reasons: {
      shippedId:
        'ID「{{id}}」はゲームに付属するシナリオのものです。ファイル冒頭近くの id: の行に独自の ID を付けて保存し、もう一度読み込んでください。',
      storageFull:
        '{{file}} は今回だけ一覧に入っています。ブラウザーの保存領域がいっぱいのため、次回まで保存できません。不要なファイルを一覧から削除してから、もう一度読み込んでください。',
      storageRefused:
        'ブラウザーが {{file}} の保存を拒否しました（保存が無効か、プライベートウィンドウの可能性があります）。今回だけ一覧に入っています。',
      libraryUnreadable:
        '保存したシナリオファイルの一覧が壊れていて読み取れません。そのまま残してあります（新しく保存する前に cyd.library.unreadable に複製します）。ファイルをもう一度読み込んでください。',
      fileUnreadable: 'ファイルを読み取れませんでした（{{detail}}）。何も変更していません。',
      badAddress: '「{{url}}」はシナリオを読み込めるアドレスではありません。https:// で始まるアドレスか、scenarios/my_file.yaml のようなこのサイト上のファイルを指定してください。',
      fetchFailed:
        '{{url}} をダウンロードできませんでした。アドレスと接続を確認してください。ほかのサイトのファイルは、そのサイトが許可している場合（CORS）にだけ読み込めます。許可されていなければ、ファイルをダウンロードしてボタンで読み込むか、ページにドラッグしてください。',
      httpStatus: '{{url}} をダウンロードできませんでした。サーバーの応答：{{status}}。アドレスを確認してください。',
      notYaml: '{{url}} はシナリオファイルではなくウェブページでした。ファイルそのもののアドレスを指定してください（GitHub では Raw ボタンのリンク）。',
      checkerUnavailable: 'シナリオの確認機能を読み込めませんでした（{{detail}}）。接続を確認して、もう一度お試しください。',
    },
  },
};
