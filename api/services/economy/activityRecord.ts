import {
  ACTIVITY_STATUSES,
  SAMVERKANSOMRADEN,
  TARGET_GROUPS,
  type Activity,
  type ActivityStatus,
  type ParticipantReport,
  type Samverkansomrade,
  type TargetGroup,
} from '../../../src/domain';
import type { ListItemWithFields } from '../../graph/gateway';
import type { FieldsOf } from '../lists';
import { createdAt, dateValue, integerValue, oneOfValue, parseParticipants, splitList, textValue } from './listFields';
import { participantReportColumn } from './funderFields';

/** An activity as the Aktiviteter list keeps it, and back (lists/schema.ts). */

/** Aktiviteter's fields by internal name (lists/schema.ts). */
export type ActivityFields = FieldsOf<'activities'>;

export interface ActivityEvaluationRecord {
  date: string;
  summary: string;
  participantCount?: number;
  participantsByOrganisation: Record<string, number>;
  lessons?: string;
}

/** An activity of the list with its ETag and what the list keeps beside the domain's fields. */
export interface ActivityRecord extends Omit<Activity, 'evaluation'> {
  etag: string;
  /** When it was proposed (the item's Created): its decision cannot be older. */
  proposedAt?: string;
  year: number;
  responsibleEmail?: string;
  proposedByEmail?: string;
  evaluation?: ActivityEvaluationRecord;
  /** Ämnestaggar's ids (#17). */
  tagIds: string[];
  /** The participant counts after the event (#17). */
  participants?: ParticipantReport;
}

export interface ActivityQuery {
  year?: number;
  area?: Samverkansomrade;
  targetGroup?: TargetGroup;
  status?: ActivityStatus;
  /** 1–12: activities starting in that month. */
  month?: number;
}

export function toRecord(item: ListItemWithFields<ActivityFields>): ActivityRecord {
  const f = item.fields;
  const startDate = dateValue(f.StartDate) ?? '1900-01-01';
  const evaluatedOn = dateValue(f.EvaluatedOn);
  const summary = textValue(f.Evaluation);
  const participantCount = integerValue(f.ParticipantCount);
  const lessons = textValue(f.Lessons);
  const decisionId = textValue(f.DecisionItemId);
  const responsibleEmail = textValue(f.ResponsibleEmail);
  const proposedByEmail = textValue(f.ProposedByEmail);
  const description = textValue(f.Description);
  const participants = participantReportColumn.read(f.ParticipantReport);
  return {
    id: item.id,
    etag: item.eTag,
    title: textValue(f.Title) ?? '',
    area: oneOfValue(SAMVERKANSOMRADEN, f.Area) ?? 'information',
    targetGroups: splitList(f.TargetGroups).filter((g): g is TargetGroup =>
      (TARGET_GROUPS as readonly string[]).includes(g),
    ),
    startDate,
    endDate: dateValue(f.EndDate) ?? startDate,
    year: integerValue(f.Year) ?? Number(startDate.slice(0, 4)),
    responsibleOrganisationId: textValue(f.ResponsibleOrganisationId) ?? '',
    ...(responsibleEmail ? { responsibleEmail, responsiblePersonId: responsibleEmail } : {}),
    ...(proposedByEmail ? { proposedByEmail } : {}),
    ...(createdAt(item) ? { proposedAt: createdAt(item) } : {}),
    budgetedCostOre: integerValue(f.CostOre) ?? 0,
    participantFeeOre: integerValue(f.ParticipantFeeOre) ?? 0,
    status: oneOfValue(ACTIVITY_STATUSES, f.Status) ?? 'forslag',
    ...(decisionId ? { decisionId } : {}),
    ...(description ? { description } : {}),
    tagIds: splitList(f.TopicTagIds),
    ...(participants ? { participants } : {}),
    ...(evaluatedOn && summary
      ? {
          evaluation: {
            date: evaluatedOn,
            summary,
            ...(participantCount !== undefined ? { participantCount } : {}),
            participantsByOrganisation: parseParticipants(textValue(f.ParticipantsByOrganisation)),
            ...(lessons ? { lessons } : {}),
          },
        }
      : {}),
  };
}

/** The domain's Activity (its evaluation without the list's extras). */
export function toActivity(record: ActivityRecord): Activity {
  const { etag: _etag, year: _year, responsibleEmail: _r, proposedByEmail: _p, evaluation, ...all } = record;
  const { tagIds: _tags, participants: _participants, ...rest } = all;
  return {
    ...rest,
    ...(evaluation
      ? {
          evaluation: {
            date: evaluation.date,
            summary: evaluation.summary,
            ...(evaluation.participantCount !== undefined ? { participantCount: evaluation.participantCount } : {}),
          },
        }
      : {}),
  };
}

export function toFields(activity: Activity & { responsibleEmail?: string }): ActivityFields {
  return {
    Title: activity.title,
    Area: activity.area,
    Year: Number(activity.startDate.slice(0, 4)),
    StartDate: activity.startDate,
    EndDate: activity.endDate,
    TargetGroups: activity.targetGroups.join(';'),
    ResponsibleOrganisationId: activity.responsibleOrganisationId,
    ResponsibleEmail: activity.responsibleEmail ?? '',
    CostOre: activity.budgetedCostOre,
    ParticipantFeeOre: activity.participantFeeOre,
    Description: activity.description ?? '',
  };
}
