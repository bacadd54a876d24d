import { Button, Field, Input } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { TopicTagDto } from '../../contract';
import { ActionStatus } from '../ui/ActionStatus';
import { ErrorMessage, Loading } from '../ui/status';
import { useFormStyles, usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { useI18n } from '../i18n';
import { useLoad, useServices } from '../services';
import { fundersApi } from './fundersApi';

function TagRow({ tag, busy, onToggle }: { tag: TopicTagDto; busy: boolean; onToggle(): void }) {
  const { t } = useI18n();
  return (
    <li>
      {tag.name}: {tag.retiredOn ? t('fund.tags.retired', { date: tag.retiredOn }) : t('fund.tags.active')}{' '}
      <Button size="small" onClick={onToggle} disabled={busy}>
        {tag.retiredOn ? t('fund.tags.restore', { name: tag.name }) : t('fund.tags.retire', { name: tag.name })}
      </Button>
    </li>
  );
}

/**
 * Ämnestaggar as the samordnare keeps them (#17): add a tag, stop using one (it stays on the activities that
 * carry it and in their years' figures), or take it into use again. Nothing is deleted, so nothing is confirmed.
 */
export function TagManager({ onChanged }: { onChanged(): void }) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useFormStyles();
  const { api } = useServices();
  const tags = useLoad((client) => fundersApi(client).tags());
  const action = useAction();
  const [name, setName] = useState('');
  const changed = () => {
    tags.reload();
    onChanged();
  };
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await action.run(async () => {
      const { tag } = await fundersApi(api).addTag(name.trim());
      return t('fund.tags.added', { name: tag.name });
    });
    if (ok) setName('');
    changed();
  };
  const toggle = (tag: TopicTagDto) =>
    void action
      .run(async () => {
        await fundersApi(api).setRetired(tag, !tag.retiredOn);
        return t('fund.tags.changed', { name: tag.name });
      })
      .then(changed);
  return (
    <section className={page.section} aria-labelledby="fund-tags">
      <h3 id="fund-tags" className={page.sectionHeading}>
        {t('fund.tags')}
      </h3>
      {tags.status === 'loading' && <Loading />}
      {tags.status === 'error' && <ErrorMessage error={tags.error} onRetry={tags.reload} />}
      {tags.status === 'ready' && (
        <ul>
          {tags.data.map((tag) => (
            <TagRow key={tag.id} tag={tag} busy={action.state.status === 'busy'} onToggle={() => toggle(tag)} />
          ))}
        </ul>
      )}
      <form className={styles.toolbar} onSubmit={(event) => void add(event)} noValidate>
        <Field label={t('fund.tags.add')}>
          <Input value={name} onChange={(_, d) => setName(d.value)} />
        </Field>
        <Button type="submit" disabled={action.state.status === 'busy'}>
          {t('fund.tags.addSubmit')}
        </Button>
      </form>
      <ActionStatus state={action.state} />
    </section>
  );
}
