import type { Contact } from '../../api';
import type { ChannelDifferenceDto, WorkingGroupDto } from '../../../contract';

export interface GroupActions {
  resume(group: WorkingGroupDto): Promise<void>;
  end(group: WorkingGroupDto, finalReport: string): Promise<void>;
  addMember(group: WorkingGroupDto, person: Contact): Promise<void>;
  removeMember(group: WorkingGroupDto, personId: string, name: string): Promise<void>;
  difference(group: WorkingGroupDto): Promise<ChannelDifferenceDto>;
  accept(group: WorkingGroupDto, userId: string, name: string): Promise<void>;
  undo(group: WorkingGroupDto, userId: string, name: string): Promise<ChannelDifferenceDto>;
}
