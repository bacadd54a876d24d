/**
 * The props the kit's value fields share (DateField, TimeField): a label, the value as the forms keep it (an ISO
 * date yyyy-mm-dd or a time HH:MM, '' for none), and the form's own validation message for the field.
 */
export interface ValueFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  /** The form's message (e.g. the API's problem for this field); the field's own parse error wins while it stands. */
  validationMessage?: string;
}
