import type { TeamsAppInstallation, TeamsTab } from '@microsoft/microsoft-graph-types';
import { odataString } from '../odata';
import { segment, type GraphConnection } from '../connection';
import { GraphRequestError } from '../errors';
import { channelPath, unlessThere } from './creation';

/** This Teams app in a team: its catalog id, its tabs in channels, its being enabled in a shared channel. */
export function appsApi(graph: GraphConnection) {
  return {
    /** Pins a tab of this app in a channel (contentUrl is what the tab shows). */
    addChannelTab(
      teamId: string,
      channelId: string,
      tab: { displayName: string; teamsAppId: string; entityId: string; contentUrl: string; websiteUrl: string },
    ): Promise<TeamsTab> {
      const body: TeamsTab & { 'teamsApp@odata.bind': string } = {
        displayName: tab.displayName,
        'teamsApp@odata.bind': graph.bind(`/appCatalogs/teamsApps/${segment(tab.teamsAppId)}`),
        configuration: { entityId: tab.entityId, contentUrl: tab.contentUrl, websiteUrl: tab.websiteUrl },
      };
      return graph.call(() => graph.api(`${channelPath(teamId, channelId)}/tabs`).post(body) as Promise<TeamsTab>);
    },

    /**
     * The org catalog id of this Teams app as installed in the team (what `teamsApp@odata.bind` names), found by
     * the manifest id; app-only with RSC TeamsAppInstallation.Read.Group. Not installed: a 404 the user is told.
     */
    async installedAppCatalogId(teamId: string, externalId: string): Promise<string> {
      const installed = await graph.getAll<TeamsAppInstallation>(
        graph
          .api(`/teams/${teamId}/installedApps`)
          .expand('teamsApp')
          .filter(`teamsApp/externalId eq ${odataString(externalId)}`),
      );
      const id = installed[0]?.teamsApp?.id;
      if (!id)
        throw new GraphRequestError(404, 'appNotInstalled', undefined, 'The Teams app is not installed in the team');
      return id;
    },

    /** Enables an app installed in the team in a shared channel (Graph: shared channels only); done twice is no error. */
    enableAppInChannel(teamId: string, channelId: string, teamsAppId: string): Promise<void> {
      const body = { '@odata.id': graph.bind(`/appCatalogs/teamsApps/${segment(teamsAppId)}`) };
      return unlessThere(() =>
        graph.call(() => graph.api(`${channelPath(teamId, channelId)}/enabledApps/$ref`).post(body)),
      );
    },

    listChannelTabs(teamId: string, channelId: string): Promise<TeamsTab[]> {
      return graph.getAll<TeamsTab>(graph.api(`${channelPath(teamId, channelId)}/tabs`));
    },
  };
}
