import { useRef, useState } from 'react';
import type { Contact } from '../api';

const DIALOG_EXIT_MS = 600;

/**
 * Which contact dialog is open. Close first, unmount after the closing animation: a modal unmounted while
 * open can leave the page hidden from assistive technology, and a dialog kept mounted leaves focus
 * sentinels in the page.
 */
export function useContactDialogs() {
  const [editing, setEditing] = useState<Contact>();
  const [editorOpen, setEditorOpen] = useState(false);
  const editButton = useRef<HTMLElement | null>(null);
  // Mounted while open and through the closing animation, as the editor.
  const [adding, setAdding] = useState<'open' | 'closing'>();
  const [leaving, setLeaving] = useState<{ contact: Contact; open: boolean }>();
  return {
    editing,
    editorOpen,
    editButton,
    adding,
    leaving,
    openAdding: () => setAdding('open'),
    closeAdding: () => {
      setAdding('closing');
      window.setTimeout(() => setAdding(undefined), DIALOG_EXIT_MS);
    },
    openLeaving: (contact: Contact) => setLeaving({ contact, open: true }),
    closeLeaving: () => {
      setLeaving((current) => current && { ...current, open: false });
      window.setTimeout(() => setLeaving(undefined), DIALOG_EXIT_MS);
    },
    openEditor: (contact: Contact, button: HTMLElement) => {
      editButton.current = button;
      setEditing(contact);
      setEditorOpen(true);
    },
    closeEditor: () => {
      setEditorOpen(false);
      window.setTimeout(() => setEditing(undefined), DIALOG_EXIT_MS);
    },
  };
}

export type ContactDialogs = ReturnType<typeof useContactDialogs>;
