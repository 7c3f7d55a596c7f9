/** A file to read: where it is, and how messages name it (as the user gave it). */
export interface InputFile {
  path: string;
  display: string;
}
