/** The Region's SharePoint site as the seed lays it out (hostname and server-relative path, as Graph addresses sites). */
export const SITE_HOSTNAME = 'regionvasterbotten.sharepoint.com';
export const SITE_PATH = '/sites/planochbygg';
export const SITE_DISPLAY_NAME = 'Plan- och byggsamverkan Västerbotten';
