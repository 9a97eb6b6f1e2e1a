/** A taxonomy source that cannot be imported: a missing or malformed file. The message names the file. */
export class TaxonomyImportError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TaxonomyImportError';
  }
}
