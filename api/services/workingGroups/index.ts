/** Arbetsgrupper: appointing a group with its Teams channel, its members, ending it, and its cards. */
export { appointWorkingGroupFormCard, welcomeCard, workingGroupsListCard } from './card';
export { botChannelPoster } from './poster';
export { WorkingGroupsService } from './service';
export type { WorkingGroupView } from './service';
export { answerMayBeLost } from './lostAnswer';
