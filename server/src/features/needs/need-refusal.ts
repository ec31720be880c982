import type { NeedAction } from '../../../../common/need-workflow';
import { AppError, forbidden } from '../../lib/errors';

export const refusal = (r: 'status' | 'role' | 'note' | 'rating', action: NeedAction) => {
  switch (r) {
    case 'status':
      return new AppError('CONFLICT', { userMessage: { zh: '诉求当前状态不允许此操作，请刷新后重试', en: `The need's status does not allow "${action}" now: reload and try again` } });
    case 'role':
      return forbidden();
    case 'note':
      return new AppError('VALIDATION', { fields: [{ path: 'note', message: '请填写原因 / a reason is required' }] });
    case 'rating':
      return new AppError('VALIDATION', { fields: [{ path: 'rating', message: '请给出 1–5 分的评分 / give a rating from 1 to 5' }] });
  }
};
