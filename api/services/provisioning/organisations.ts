import { readFileSync } from 'node:fs';
import { parseOrganisationConfig, type OrganisationConfig } from '../../../src/domain';

/** The organisations of this deployment: data, read from the configured file once at start. */
export function loadOrganisations(file: string): OrganisationConfig {
  return parseOrganisationConfig(JSON.parse(readFileSync(file, 'utf8')) as unknown);
}
