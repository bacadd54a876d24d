import { convenerAnswerSchema, type ConvenerAnswer } from '../../../contract';
import { useLoad } from '../../services';

/**
 * "Kallas av X, utsedd sammankallande (beslut § N)" or "Kallas av X, ordförande": who calls samverkansgruppen
 * today (GET /api/meetings/convener). Says nothing while loading or when it cannot be read: the rest of the
 * page does not depend on it.
 */
export function ConvenerLine() {
  const convener = useLoad((api): Promise<ConvenerAnswer> =>
    api.request('/api/meetings/convener', convenerAnswerSchema),
  );
  if (convener.status !== 'ready') return null;
  return <p data-testid="convener-line">{convener.data.convener.line}</p>;
}
