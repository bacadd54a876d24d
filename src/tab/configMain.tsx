import '../zodLocale';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigApp } from './ConfigApp';
import { I18nProvider } from './i18n';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <I18nProvider>
        <ConfigApp />
      </I18nProvider>
    </StrictMode>,
  );
}
