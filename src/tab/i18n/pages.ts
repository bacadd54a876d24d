import { addMessages } from '../i18n';
import { activitiesMessages } from './activities';
import { budgetMessages } from './budget';
import { contactsMessages } from './contacts';
import { decisionsMessages } from './decisions';
import { meetingsMessages } from './meetings';
import { meetingPanelMessages } from './meetingPanel';
import { workingGroupsMessages } from './workingGroups';

/**
 * The pages' strings, added to the dictionaries when imported: Shell loads this module together with each page
 * but Översikt, so that none of it is in the tab's first load (issue #18).
 */
addMessages(meetingsMessages);
addMessages(meetingPanelMessages);
addMessages(activitiesMessages);
addMessages(budgetMessages);
addMessages(decisionsMessages);
addMessages(contactsMessages);
addMessages(workingGroupsMessages);

export const PAGE_MESSAGES_LOADED = true;
