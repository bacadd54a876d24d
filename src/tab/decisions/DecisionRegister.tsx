import { Field, Input } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { DecisionDto, FollowUpStatus, MeetingSummaryDto } from '../../contract';
import { useI18n } from '../i18n';
import type { LoadState } from '../services';
import { ShowAllButton, useShowAll } from '../ui/ShowAll';
import { ErrorMessage, Loading } from '../ui/status';
import { useFormStyles } from '../ui/styles';
import { DecisionFilters, type DecisionFilter } from './DecisionFilters';
import { DecisionTable } from './DecisionTable';
import { searchDecisions } from './search';

/** How many decisions show before the register collapses behind "Visa alla N beslut". */
export const DECISIONS_SHOWN = 15;

/** The register: filters (sent to the server), a text search over what came back, the table, and its count. */
export function DecisionRegister({
  decisions,
  filter,
  onFilter,
  meetings,
  meetingTitle,
  canRecord,
  busy,
  onFollowUp,
}: {
  decisions: LoadState<DecisionDto[]> & { reload(): void };
  filter: DecisionFilter;
  onFilter(filter: DecisionFilter): void;
  meetings: MeetingSummaryDto[];
  meetingTitle(id: string): string;
  canRecord: boolean;
  busy: boolean;
  onFollowUp(decision: DecisionDto, next: FollowUpStatus): void;
}) {
  const { t } = useI18n();
  const styles = useFormStyles();
  const [query, setQuery] = useState('');
  const all = decisions.status === 'ready' ? decisions.data : [];
  const found = useMemo(() => searchDecisions(all, query, meetingTitle), [all, query, meetingTitle]);
  const shown = useShowAll(found, DECISIONS_SHOWN);
  const filtered = query.trim() !== '' || filter.meetingId !== '' || filter.kind !== '' || filter.followUp !== '';
  // No decisions at all (and nothing filtered away): what to do instead of a search over nothing.
  if (decisions.status === 'ready' && all.length === 0 && !filtered) {
    return (
      <div role="status">
        <p>
          <strong>{t('dec.empty')}</strong>
        </p>
        <p>{canRecord ? t('dec.empty.record') : t('dec.empty.read')}</p>
      </div>
    );
  }
  return (
    <>
      <div className={styles.toolbar} role="search">
        <Field label={t('dec.search')} hint={t('dec.searchHint')}>
          <Input
            type="search"
            value={query}
            contentBefore={<SearchRegular aria-hidden />}
            onChange={(_, data) => setQuery(data.value)}
          />
        </Field>
      </div>
      <DecisionFilters filter={filter} onChange={onFilter} meetings={meetings} />
      <div aria-live="polite">
        {decisions.status === 'loading' && <Loading />}
        {decisions.status === 'error' && <ErrorMessage error={decisions.error} onRetry={decisions.reload} />}
        {decisions.status === 'ready' && (
          <>
            <p role="status">{t('dec.count', { count: found.length })}</p>
            {found.length === 0 ? (
              <p>{t('dec.noneFiltered')}</p>
            ) : (
              <DecisionTable
                decisions={shown.visible}
                canRecord={canRecord}
                busy={busy}
                meetingTitle={meetingTitle}
                onFollowUp={onFollowUp}
              />
            )}
            <ShowAllButton
              state={shown}
              showAllLabel={t('dec.showAll', { count: found.length })}
              showFewerLabel={t('dec.showFewer')}
            />
          </>
        )}
      </div>
    </>
  );
}
