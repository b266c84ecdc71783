import type {
  AgreementDetail,
  AgreementKind,
  CreateAgreementRequest,
  SaveAgreementPartiesRequest,
  SaveAgreementTextRequest,
} from '../../../../shared/agreements.ts';
import {
  AGREEMENT_TEMPLATE_KEYS,
  type AgreementTemplate,
  type AgreementTemplateKey,
} from '../../../../shared/agreementTemplates.ts';

// The agreement forms as data (unit-tested): the text (title, purpose, scope, considerations, Pasal list,
// obligations) saved whole with its version, the parties, and the new agreement that holds both. Field
// names follow the API, so its field errors (`clauses.2.body`, `parties.1.signatoryName`) land on the inputs.

export interface ClauseRow {
  /** A stable React key (rows move up and down). */
  key: string;
  heading: string;
  body: string;
  /** The template the clause was started from, if any. */
  template: AgreementTemplateKey | null;
}

export interface ObligationRow {
  key: string;
  /** A stored obligation keeps its id, and with it its tracking status. */
  id?: string;
  organizationId: string | null;
  description: string;
  dueOn: string | null;
}

export interface PartyRow {
  key: string;
  organizationId: string | null;
  signatoryName: string;
  signatoryPosition: string;
  documentNumber: string;
}

export interface TextFormValues {
  title: string;
  purpose: string;
  scope: string;
  considerations: string;
  clauses: ClauseRow[];
  obligations: ObligationRow[];
}

export interface PartiesFormValues {
  parties: PartyRow[];
  validFrom: string | null;
  validUntil: string | null;
}

export interface CreateFormValues extends TextFormValues, PartiesFormValues {
  kind: AgreementKind;
  parentId: string | null;
}

let rowCounter = 0;

function newKey(prefix: string): string {
  rowCounter += 1;
  return `${prefix}-new-${rowCounter}`;
}

export function newClauseRow(): ClauseRow {
  return { key: newKey('clause'), heading: '', body: '', template: null };
}

/** A Pasal started from a template, in the language of the page (the drafters then edit it). */
export function clauseFromTemplate(template: AgreementTemplate, language: string): ClauseRow {
  const lang = language === 'en' ? 'en' : 'id';
  return {
    key: newKey('clause'),
    heading: template.heading[lang],
    body: template.body[lang],
    template: template.key,
  };
}

export function newObligationRow(organizationId: string | null = null): ObligationRow {
  return { key: newKey('obligation'), organizationId, description: '', dueOn: null };
}

export function newPartyRow(organizationId: string | null = null): PartyRow {
  return {
    key: newKey('party'),
    organizationId,
    signatoryName: '',
    signatoryPosition: '',
    documentNumber: '',
  };
}

/** A stored template key, if it is still one of the templates. */
function templateKey(value: string | null): AgreementTemplateKey | null {
  return AGREEMENT_TEMPLATE_KEYS.find((key) => key === value) ?? null;
}

/** The stored text as form values ('' where the API holds null). */
export function textFormValues(agreement: AgreementDetail): TextFormValues {
  return {
    title: agreement.title,
    purpose: agreement.purpose ?? '',
    scope: agreement.scope ?? '',
    considerations: agreement.considerations ?? '',
    clauses: agreement.clauses.map((clause) => ({
      key: clause.id,
      heading: clause.heading,
      body: clause.body,
      template: templateKey(clause.template),
    })),
    obligations: agreement.obligations.map((obligation) => ({
      key: obligation.id,
      id: obligation.id,
      organizationId: obligation.organization.id,
      description: obligation.description,
      dueOn: obligation.dueOn,
    })),
  };
}

export function partiesFormValues(agreement: AgreementDetail): PartiesFormValues {
  return {
    parties: agreement.parties.map((party) => ({
      key: party.id,
      organizationId: party.organization.id,
      signatoryName: party.signatoryName ?? '',
      signatoryPosition: party.signatoryPosition ?? '',
      documentNumber: party.documentNumber ?? '',
    })),
    validFrom: agreement.validFrom,
    validUntil: agreement.validUntil,
  };
}

/** A new agreement: the drafter's own organization is PIHAK PERTAMA, a second party to choose. */
export function createFormValues(
  ownOrganizationId: string,
  templates: readonly AgreementTemplate[],
  language: string,
): CreateFormValues {
  return {
    kind: 'mou',
    parentId: null,
    title: '',
    purpose: '',
    scope: '',
    considerations: '',
    clauses: templates.map((template) => clauseFromTemplate(template, language)),
    obligations: [],
    parties: [newPartyRow(ownOrganizationId), newPartyRow()],
    validFrom: null,
    validUntil: null,
  };
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

function textFields(values: TextFormValues) {
  return {
    title: values.title.trim(),
    purpose: orNull(values.purpose),
    scope: orNull(values.scope),
    considerations: orNull(values.considerations),
    clauses: values.clauses.map((clause) => ({
      heading: clause.heading.trim(),
      body: clause.body.trim(),
      template: clause.template,
    })),
    obligations: values.obligations.map((obligation) => ({
      ...(obligation.id ? { id: obligation.id } : {}),
      organizationId: obligation.organizationId ?? '',
      description: obligation.description.trim(),
      dueOn: obligation.dueOn || null,
    })),
  };
}

function partyFields(values: PartiesFormValues) {
  return {
    parties: values.parties.map((party) => ({
      organizationId: party.organizationId ?? '',
      signatoryName: orNull(party.signatoryName),
      signatoryPosition: orNull(party.signatoryPosition),
      documentNumber: orNull(party.documentNumber),
    })),
    validFrom: values.validFrom || null,
    validUntil: values.validUntil || null,
  };
}

export function textRequest(values: TextFormValues, version: number): SaveAgreementTextRequest {
  return { ...textFields(values), version };
}

export function partiesRequest(values: PartiesFormValues, version: number): SaveAgreementPartiesRequest {
  return { ...partyFields(values), version };
}

export function createRequest(values: CreateFormValues): CreateAgreementRequest {
  return {
    kind: values.kind,
    parentId: values.kind === 'pks' ? values.parentId : null,
    ...textFields(values),
    ...partyFields(values),
  };
}

/** The obligations whose organization is no longer a party (after the parties changed on the form). */
export function obligationsOutsideParties(values: CreateFormValues): number[] {
  const parties = new Set(values.parties.map((party) => party.organizationId).filter(Boolean));
  return values.obligations.flatMap((obligation, index) =>
    obligation.organizationId && !parties.has(obligation.organizationId) ? [index] : [],
  );
}

/** Whether the form's text differs from the stored one (what a save would change), keys aside. */
export function textChanged(values: TextFormValues, agreement: AgreementDetail): boolean {
  const { version: _a, ...saved } = textRequest(textFormValues(agreement), 0);
  const { version: _b, ...edited } = textRequest(values, 0);
  return JSON.stringify(saved) !== JSON.stringify(edited);
}

/** Indexes of the parties naming an organization already named above them. */
export function duplicatePartyIndexes(parties: readonly { organizationId: string | null }[]): number[] {
  const seen = new Set<string>();
  const duplicates: number[] = [];
  parties.forEach((party, index) => {
    if (!party.organizationId) return;
    if (seen.has(party.organizationId)) duplicates.push(index);
    seen.add(party.organizationId);
  });
  return duplicates;
}

/** Whether the term ends before it starts (either date may be missing). */
export function untilBeforeFrom(validFrom: string | null, validUntil: string | null): boolean {
  return Boolean(validFrom && validUntil && validUntil < validFrom);
}
