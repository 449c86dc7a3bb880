export { NoteForm } from './NoteForm';
