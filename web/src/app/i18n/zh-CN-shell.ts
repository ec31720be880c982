/** Simplified Chinese strings of the page shell: list pages, form drawers, detail headers, the menu, not-found. */
export const zhCNShell = {
  /** after a label, before its value */
  'shell.colon': '：',
  'shell.openMenu': '打开菜单',
  'shell.closeMenu': '关闭菜单',
  'list.rowActions': '操作',
  'list.deleteFailed': '删除失败',
  'form.discardTitle': '放弃未保存的修改？',
  'form.discardText': '表单里有尚未保存的修改，关闭后将丢失。',
  'form.discard': '放弃修改',
  'form.keepEditing': '继续编辑',
  'detail.backToList': '返回列表',
  'detail.notFoundTitle': '记录不存在或无权查看',
  'detail.notFoundText': '该记录可能已被删除、合并，或不在你的管辖范围内。',
  'uscc.length': '长度应为18位（当前为{length}位）',
  'uscc.lowercase': '含有非法字符 {char}（字母应为大写）',
  'uscc.forbiddenLetter': '含有非法字符 {char}（统一社会信用代码不使用 I、O、S、V、Z）',
  'uscc.badChar': '含有非法字符 {char}',
  'uscc.checkChar': '校验位应为 {expected}',
} as const;
