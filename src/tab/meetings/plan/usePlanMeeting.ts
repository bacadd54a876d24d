import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n';
import { actionKey, confirmAction } from '../../idempotency';
import { useAction } from '../../ui/useAction';
import type { CandidateDto, KallelsePreview, MeetingPlanDto, MeetingRecordDto, SendRequest } from '../../../contract';
import type { MeetingsApi } from '../api';

export type Group = 'samverkansgrupp' | 'stodgrupp';

/** The kallelse's key outlives a reload of the tab until the kallelse is confirmed sent. */
const sendAction = (group: Group) => `kallelse.${group}`;

function nextYear(): number {
  const now = new Date();
  return now.getMonth() >= 5 ? now.getFullYear() + 1 : now.getFullYear();
}

/** The day before a date, as ÅÅÅÅ-MM-DD (the poll's deadline must come before every candidate). */
function dayBefore(date: string): string {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

function addMinutes(time: string, minutes: number): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** The planning form's fields, each with its setter. */
export function usePlanForm(groups: Group[]) {
  const [group, setGroup] = useState<Group>(groups[0] ?? 'samverkansgrupp');
  const [year, setYear] = useState(String(nextYear()));
  const [season, setSeason] = useState<'var' | 'host'>('var');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [duration, setDuration] = useState('150');
  const [room, setRoom] = useState('');
  const [online, setOnline] = useState(true);
  const [reason, setReason] = useState('');
  const [extra, setExtra] = useState(false);
  const [extraReason, setExtraReason] = useState('');
  /** The draft whose dagordning and handlingar the kallelse takes (issue #16), if any. */
  const [draftId, setDraftId] = useState<string>();
  return {
    draftId,
    setDraftId,
    ...{ group, year, season, from, to, duration, room, online, reason, extra, extraReason },
    ...{ setGroup, setYear, setSeason, setFrom, setTo, setDuration, setRoom, setOnline, setReason },
    ...{ setExtra, setExtraReason },
  };
}

export type PlanForm = ReturnType<typeof usePlanForm>;

const seasonOf = (form: PlanForm) => (form.group === 'samverkansgrupp' ? { season: form.season } : {});
const reasonOf = (form: PlanForm) => (form.reason.trim() ? { outsideWindowReason: form.reason.trim() } : {});
/** Only the samverkansgrupp is limited to one meeting a season; a second one is an extra möte with its reason. */
const isExtra = (form: PlanForm) => form.group === 'samverkansgrupp' && form.extra;
const extraOf = (form: PlanForm) => (isExtra(form) ? { extraMeeting: { reason: form.extraReason.trim() } } : {});
/** The send waits for the extra möte's reason, which the server requires. */
export const sendReady = (form: PlanForm) => !isExtra(form) || form.extraReason.trim() !== '';

function sendRequest(form: PlanForm, chosen: CandidateDto): SendRequest {
  return {
    group: form.group,
    ...seasonOf(form),
    date: chosen.date,
    startTime: chosen.startTime,
    endTime: addMinutes(chosen.startTime, Number(form.duration)),
    ...(form.room.trim() ? { room: form.room.trim() } : {}),
    online: form.online,
    ...reasonOf(form),
    ...extraOf(form),
    ...(form.draftId ? { draftId: form.draftId } : {}),
    idempotencyKey: actionKey(sendAction(form.group)),
  };
}

/** Fetches the preview of a kallelse and keeps it, with the request it was made for, for the confirm dialog. */
function useKallelsePreview(api: MeetingsApi, form: PlanForm, chosen: CandidateDto | undefined) {
  const previewing = useAction();
  const [shown, setShown] = useState<{ request: SendRequest; preview: KallelsePreview }>();
  const [open, setOpen] = useState(false);
  const show = async () => {
    if (!chosen) return;
    const request = sendRequest(form, chosen);
    const preview = await previewing.run(
      () => api.previewKallelse(request),
      () => '',
    );
    if (!preview) return;
    previewing.reset();
    setShown({ request, preview });
    setOpen(true);
  };
  return { previewing, shown, open, show, close: () => setOpen(false) };
}

export type KallelsePreviewState = ReturnType<typeof useKallelsePreview>;

/** Plan → pick → send, and the poll, against the API. */
export function usePlanMeeting(
  api: MeetingsApi,
  form: PlanForm,
  onSent: (meeting: MeetingRecordDto, message: string) => void,
) {
  const { t } = useI18n();
  const [plan, setPlan] = useState<MeetingPlanDto>();
  const [picked, setPicked] = useState<string>('');
  const planning = useAction();
  const sending = useAction();
  const polling = useAction();
  const { group, year, from, to, duration } = form;

  const propose = async (event: FormEvent) => {
    event.preventDefault();
    setPicked('');
    const result = await planning.run(
      () =>
        api.plan({
          group,
          year: Number(year),
          ...seasonOf(form),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          durationMinutes: Number(duration),
          ...reasonOf(form),
        }),
      (answer) => answer.message,
    );
    setPlan(result);
  };

  const chosen = plan && picked !== '' ? plan.candidates[Number(picked)] : undefined;

  /** The preview of the kallelse for the time picked; the send goes with the very body (and key) it showed. */
  const preview = useKallelsePreview(api, form, chosen);

  const send = async () => {
    const request = preview.shown?.request;
    if (!request) return;
    const message = t('meetings.sent', { count: plan?.attendees ?? 0 });
    const meeting = await sending.run(
      () => api.send(request),
      () => message,
    );
    if (meeting) {
      confirmAction(sendAction(group));
      onSent(meeting, message);
    }
  };

  const poll = async () => {
    if (!plan || plan.candidates.length < 2) return;
    const candidates = [...plan.candidates].sort((a, b) => a.start.localeCompare(b.start)).slice(0, 5);
    await polling.run(
      () =>
        api.createPoll({
          group,
          year: Number(year),
          ...seasonOf(form),
          candidates: candidates.map((c) => ({ start: c.start, end: c.end })),
          deadline: dayBefore(candidates[0]?.date ?? ''),
        }),
      () => t('meetings.pollCreated'),
    );
  };

  return { plan, picked, setPicked, chosen, planning, sending, polling, preview, propose, send, poll };
}

export type PlanMeetingState = ReturnType<typeof usePlanMeeting>;
