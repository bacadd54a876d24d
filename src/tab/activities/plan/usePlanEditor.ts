import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../api';
import type { OperatingPlanDto, PlanInput } from '../../../contract';
import { conflictPlan } from '../planApi';

export interface DraftGoal {
  key: string;
  id?: string;
  text: string;
  activityIds: string[];
}

let draftKeys = 0;
export const nextKey = () => `goal-${(draftKeys += 1)}`;

export interface Draft {
  priorities: string;
  goals: DraftGoal[];
}

function draftOf(plan: OperatingPlanDto | null): Draft {
  return {
    priorities: plan ? plan.priorities.join('\n') : '',
    goals: plan
      ? plan.goals.map((goal) => ({ ...goal, key: nextKey() }))
      : [{ key: nextKey(), text: '', activityIds: [] }],
  };
}

function planInput(draft: Draft): PlanInput {
  return {
    priorities: draft.priorities
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    goals: draft.goals
      .filter((goal) => goal.text.trim() !== '')
      .map((goal) => ({
        ...(goal.id ? { id: goal.id } : {}),
        text: goal.text.trim(),
        activityIds: goal.activityIds,
      })),
  };
}

/**
 * The editor's draft and the plan it started from; a conflict's newer version, until the user starts from it.
 */
export function usePlanEditor(
  plan: OperatingPlanDto | null,
  error: ApiError | undefined,
  save: (input: PlanInput, etag: string | undefined) => Promise<boolean>,
) {
  const [base, setBase] = useState(plan);
  const [draft, setDraft] = useState(() => draftOf(plan));
  const conflicting = error?.code === 'CONFLICT' ? conflictPlan(error.current) : undefined;
  // Once the user starts from the newer version it is the base, no longer news.
  const newer = conflicting && conflicting.etag !== base?.etag ? conflicting : undefined;
  const setGoal = (key: string, change: (goal: DraftGoal) => DraftGoal) =>
    setDraft((now) => ({ ...now, goals: now.goals.map((goal) => (goal.key === key ? change(goal) : goal)) }));
  const setPriorities = (priorities: string) => setDraft((now) => ({ ...now, priorities }));
  const removeGoal = (key: string) => setDraft((now) => ({ ...now, goals: now.goals.filter((g) => g.key !== key) }));
  const addGoal = () =>
    setDraft((now) => ({ ...now, goals: [...now.goals, { key: nextKey(), text: '', activityIds: [] }] }));
  const startFromNewer = (version: OperatingPlanDto) => {
    setBase(version);
    setDraft(draftOf(version));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save(planInput(draft), base?.etag);
  };

  return { draft, newer, setGoal, setPriorities, removeGoal, addGoal, startFromNewer, submit };
}
