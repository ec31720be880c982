import type { zhCNShell } from './zh-CN-shell';

/** English strings of the page shell (same keys as zh-CN-shell.ts). */
export const enShell: Record<keyof typeof zhCNShell, string> = {
  'shell.colon': ': ',
  'shell.openMenu': 'Open menu',
  'shell.closeMenu': 'Close menu',
  'list.rowActions': 'Actions',
  'list.deleteFailed': 'Delete failed',
  'form.discardTitle': 'Discard unsaved changes?',
  'form.discardText': 'The form has changes that are not saved yet; they will be lost if you close it.',
  'form.discard': 'Discard changes',
  'form.keepEditing': 'Keep editing',
  'detail.backToList': 'Back to list',
  'detail.notFoundTitle': 'Record not found or not visible to you',
  'detail.notFoundText': 'It may have been deleted or merged, or it lies outside the scope you can see.',
  'uscc.length': 'Should be 18 characters long (it has {length})',
  'uscc.lowercase': 'Contains the character {char}: letters must be capitals',
  'uscc.forbiddenLetter': 'Contains the letter {char}: credit codes never use I, O, S, V or Z',
  'uscc.badChar': 'Contains the character {char}, which credit codes do not use',
  'uscc.checkChar': 'The check character (the last one) should be {expected}',
};
