import type { OpenProposalDto } from '../../contract';
import { useI18n } from '../i18n';
import type { LoadState } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import { usePageStyles } from '../ui/styles';
import { kindKey } from './kinds';

/** Proposals (activities, operating plans) still waiting for a decision. */
export function OpenProposals({ proposals }: { proposals: LoadState<OpenProposalDto[]> & { reload(): void } }) {
  const { t } = useI18n();
  const page = usePageStyles();
  return (
    <section className={page.section} aria-labelledby="dec-proposals">
      <h2 id="dec-proposals" className={page.sectionHeading}>
        {t('dec.proposals')}
      </h2>
      {proposals.status === 'loading' && <Loading />}
      {proposals.status === 'error' && <ErrorMessage error={proposals.error} onRetry={proposals.reload} />}
      {proposals.status === 'ready' &&
        (proposals.data.length === 0 ? (
          <p>{t('dec.noProposals')}</p>
        ) : (
          <ul className={page.list}>
            {proposals.data.map((p) => (
              <li key={p.subjectRef}>
                {t(kindKey(p.kind))}: {p.title}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
