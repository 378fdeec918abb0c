import type { IsoDate } from '../../lib/dates';

/** Art. 3 of the law: proposal (remark), application (request), complaint. */
export type AppealType = 'proposal' | 'application' | 'complaint';
/** Classifier "subject": one author, several (collective), or no identifiable author. */
export type AppealSubject = 'individual' | 'collective' | 'anonymous';
/** Sex of the author as the classifier counts it. */
export type Sex = 'female' | 'male' | 'unknown';
/**
 * Term of consideration (art. 20): `short` — needs no extra study, at most 15 days;
 * `normal` — at most one month from the day of receipt.
 */
export type ConsiderationTerm = 'short' | 'normal';

/** Roles that act on the register. */
export type Role = 'starosta' | 'clerk' | 'central';

/** One issue raised in an appeal: a classifier topic code and the text of the issue. The first issue is the main one. */
export interface AppealIssue {
  topicCode: string;
  text: string;
}

/** Where the appeal came from when it was sent on by another body (with that body's date and index). */
export interface AppealOrigin {
  body: string;
  date: IsoDate | null;
  index: string;
}

/**
 * The fields a person fills in at registration: the registration-control card (РКК) of Cabinet resolution No. 348.
 * Stored once in the appeal document and never changed; corrections are `amended` events.
 */
export interface AppealDraft {
  /** Surname of the applicant (or of the first signer of a collective appeal); empty for an anonymous one. */
  surname: string;
  givenName: string;
  patronymic: string;
  /** Name of the collective (residents of a street, an association) for a collective appeal. */
  collectiveName: string;
  address: string;
  phone: string;
  email: string;
  sex: Sex;
  subject: AppealSubject;
  type: AppealType;
  /** Code from reference `receipt-forms`. */
  receiptForm: string;
  /** Code from reference `receipt-signs`: first, repeat, duplicate, recurring, mass. */
  receiptSign: string;
  /** Codes from reference `applicant-categories`; several may apply. */
  categories: string[];
  /** Code from reference `social-statuses`, or empty when unknown. */
  socialStatus: string;
  /** Date written on the letter, or of the call; may be empty for an oral appeal. */
  letterDate: IsoDate | null;
  /** The day the village (or the office) received and registered it: deadlines count from here. */
  receivedOn: IsoDate;
  term: ConsiderationTerm;
  origin: AppealOrigin | null;
  /** Main issue first, then additional ones. */
  issues: AppealIssue[];
  /** Free-form note (file/volume/sheet, "checked on site", etc.). */
  note: string;
}

/** A registered appeal as stored: the draft plus who, where and when, and its registration index. */
export interface Appeal extends AppealDraft {
  /** ULID generated offline. */
  id: string;
  /** Code of the village (or `central` for the council office) that registered it. */
  villageId: string;
  /** Workstation tag of the PC that registered it, part of the index prefix. */
  deviceTag: string;
  /** Registration index, e.g. `HLB.1-Б-17`; see shared/domain/indexes. */
  regIndex: string;
  /** Sequence number inside the index prefix. */
  regSeq: number;
  /** ISO timestamp of registration. */
  registeredAt: string;
  registeredBy: string;
  registeredRole: Role;
}
