import type { Contact, OrganisationDto } from '../api';
import { CSV_MIME_TYPE } from '../../domain/csv';
import { useI18n } from '../i18n';
import { saveText } from '../ui/saveBlob';
import { contactsToCsv, contactsToVcard } from './export';

/** The two exports of the contacts shown (CSV for Excel, vCard), each announced once saved. */
export function useContactExports(
  visible: readonly Contact[],
  organisations: OrganisationDto[] | undefined,
  announce: (message: string) => void,
) {
  const { t, language } = useI18n();
  const exportFile = (file: string, content: (organisations: OrganisationDto[]) => string, type: string) => {
    if (!organisations) return;
    saveText(file, content(organisations), type);
    announce(t('contacts.exported', { file }));
  };
  return {
    exportCsv: () => exportFile('kontakter.csv', (orgs) => contactsToCsv([...visible], orgs, language), CSV_MIME_TYPE),
    exportVcard: () =>
      exportFile('kontakter.vcf', (orgs) => contactsToVcard([...visible], orgs), 'text/vcard;charset=utf-8'),
  };
}
