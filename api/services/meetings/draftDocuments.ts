import { DomainRuleError, assertDocumentRoom, requireAnyRole, type DraftDocument } from '../../../src/domain';
import { documentUploadQuery, type MeetingDraftView } from '../../../src/contract';
import { GraphRequestError } from '../../graph/errors';
import type { GraphGateway } from '../../graph/gateway';
import { NotFoundError } from '../errors';
import type { SiteDirectory } from '../lists';
import { folderName, type DraftRecord } from './draftRecord';
import type { MeetingDrafts } from './drafts';
import { PLAN_ACTIONS, type Acting } from './service';

/** The library folder all meetings' handlingar live under, one folder per meeting (by its title). */
export const DOCUMENTS_FOLDER = 'Möteshandlingar';

/**
 * Handlingar per point of a draft (issue #16): files in the Region site's document library, folder
 * Möteshandlingar/<meeting title>; one PUT up to 4 MB, an upload session above (api/graph/drive). The limits
 * (domain: per file, per point, per meeting) are checked before the first byte goes to Graph.
 */
export class DraftDocuments {
  constructor(
    private readonly drafts: MeetingDrafts,
    private readonly site: Pick<SiteDirectory, 'resolveDrive'>,
  ) {}

  /** The site's default library, its id asked once per site (SiteDirectory.resolveDrive). */
  private driveId(gateway: GraphGateway): Promise<string> {
    return this.site.resolveDrive(gateway);
  }

  private async editable(gateway: GraphGateway, caller: Acting, id: string): Promise<DraftRecord> {
    requireAnyRole(caller.roles, PLAN_ACTIONS, caller);
    const draft = await this.drafts.record(gateway, id);
    this.drafts.assertEditor(caller, draft);
    return draft;
  }

  async upload(
    gateway: GraphGateway,
    caller: Acting,
    target: { id: string; itemId: string },
    query: unknown,
    bytes: Uint8Array,
  ): Promise<{ draft: MeetingDraftView; document: DraftDocument }> {
    const draft = await this.editable(gateway, caller, target.id);
    const { name } = documentUploadQuery.parse(query);
    assertDocumentRoom(draft.items, target.itemId, bytes.length);
    if (draft.items.some((item) => item.documents.some((doc) => doc.name.toLowerCase() === name.toLowerCase()))) {
      throw this.nameTaken(name);
    }
    const driveId = await this.driveId(gateway);
    const folder = await gateway.ensureFolders(driveId, [DOCUMENTS_FOLDER, folderName(draft.title)]);
    const file = await gateway
      .uploadFile(driveId, String(folder.id), name, bytes, { conflictBehavior: 'fail' })
      .catch((error: unknown) => {
        if (error instanceof GraphRequestError && error.status === 409) throw this.nameTaken(name);
        throw error;
      });
    const document: DraftDocument = {
      id: String(file.id),
      name: file.name ?? name,
      size: file.size ?? bytes.length,
      webUrl: String(file.webUrl),
    };
    try {
      const updated = await this.drafts.change(gateway, draft.id, (current) => {
        // Another editor's upload meanwhile counts too: the limits are checked again on the current points.
        assertDocumentRoom(current.items, target.itemId, bytes.length);
        return current.items.map((item) =>
          item.id === target.itemId ? { ...item, documents: [...item.documents, document] } : item,
        );
      });
      // Once called, the handling's link goes to every attendee as an update of the kallelse.
      await this.drafts.publish(gateway, caller, updated);
      return { draft: this.drafts.view(updated, await this.drafts.names(gateway)), document };
    } catch (error) {
      // The file is not left in the library without the point that lists it.
      await gateway.deleteDriveItem(driveId, document.id).catch(() => undefined);
      throw error;
    }
  }

  private nameTaken(name: string): DomainRuleError {
    return new DomainRuleError(
      'DOCUMENT_NAME_TAKEN',
      `Mötet har redan en handling som heter ”${name}”. Byt namn på filen eller ta bort den gamla först.`,
    );
  }

  /** Removes a handling from its point and the library (a file already gone is not an error). */
  async remove(
    gateway: GraphGateway,
    caller: Acting,
    target: { id: string; itemId: string; documentId: string },
  ): Promise<MeetingDraftView> {
    const draft = await this.editable(gateway, caller, target.id);
    const item = draft.items.find((i) => i.id === target.itemId);
    if (!item?.documents.some((doc) => doc.id === target.documentId)) {
      throw new NotFoundError('Handlingen finns inte under punkten.');
    }
    const driveId = await this.driveId(gateway);
    await gateway.deleteDriveItem(driveId, target.documentId).catch((error: unknown) => {
      if (!(error instanceof GraphRequestError && error.status === 404)) throw error;
    });
    const updated = await this.drafts.change(gateway, draft.id, (current) =>
      current.items.map((i) =>
        i.id === target.itemId ? { ...i, documents: i.documents.filter((d) => d.id !== target.documentId) } : i,
      ),
    );
    await this.drafts.publish(gateway, caller, updated);
    return this.drafts.view(updated, await this.drafts.names(gateway));
  }
}
