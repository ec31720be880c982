import { eventKindLabels, registrationStatusLabels, type EventKind, type RegistrationStatus } from '../../../../common/schemas/events';

export const eventKindLabel = (k: EventKind) => eventKindLabels[k].zh;
export const registrationStatusLabel = (s: RegistrationStatus) => registrationStatusLabels[s].zh;
