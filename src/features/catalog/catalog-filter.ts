import { CatalogFormat } from '../../datasources/shared/catalog-item';

export interface CatalogFilterInput {
  formats?: CatalogFormat[] | null;
  /** MARC language codes (eng, spa, ...). */
  languages?: string[] | null;
  /** LIBRARY partner global ids. */
  libraryIds?: string[] | null;
  /** Only records with a copy on the shelf (status from the last sync or live check stored). */
  availableNow?: boolean | null;
}
