import { useRef, useState } from 'react';
import type { Contact } from '../api';
import { restorePageForAssistiveTechnology } from '../ui/ConfirmDialog';

const DIALOG_EXIT_MS = 600;

/** Unmounts a closed dialog, then gives the page back to assistive technology (Fluent's modalizer can leave it hidden). */
function later(unmount: () => void): void {
  window.setTimeout(() => {
    unmount();
    window.setTimeout(restorePageForAssistiveTechnology, 300);
  }, DIALOG_EXIT_MS);
}

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
      later(() => setAdding(undefined));
    },
    openLeaving: (contact: Contact) => setLeaving({ contact, open: true }),
    closeLeaving: () => {
      setLeaving((current) => current && { ...current, open: false });
      later(() => setLeaving(undefined));
    },
    openEditor: (contact: Contact, button: HTMLElement) => {
      editButton.current = button;
      setEditing(contact);
      setEditorOpen(true);
    },
    closeEditor: () => {
      setEditorOpen(false);
      later(() => setEditing(undefined));
    },
  };
}

export type ContactDialogs = ReturnType<typeof useContactDialogs>;
