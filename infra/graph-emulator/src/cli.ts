import { parseArgs } from 'node:util';
import { startTenant } from './index';
import { SITE_HOSTNAME, SITE_PATH } from './resources/sitesConfig';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.LOCAL_TENANT_PORT ?? '4100' },
    db: { type: 'string', default: process.env.LOCAL_TENANT_DB ?? '.data/local-tenant.sqlite' },
    reset: { type: 'boolean', default: false },
  },
});

const tenant = await startTenant({ port: Number(values.port), dbFile: values.db, reset: values.reset });
console.log(`Lokal Microsoft 365-miljö (local tenant) körs på ${tenant.url}
  Graph:          ${tenant.graphUrl}
  Tenant id:      ${tenant.tenantId}
  Client id:      ${tenant.clientId}
  Client secret:  ${tenant.clientSecret}
  SharePoint:     ${SITE_HOSTNAME}:${SITE_PATH}  (GET ${tenant.graphUrl}/sites/${SITE_HOSTNAME}:${SITE_PATH})
  Databas:        ${values.db}${values.reset ? ' (återställd)' : ''}
Ctrl-C stoppar.`);

const stop = async () => {
  await tenant.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
