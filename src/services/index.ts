import { DataSource } from 'typeorm';
import { ApiKeyService } from './api-key.service';
import { EventService } from './event.service';
import { NodeService } from './node.service';
import { PartnerService } from './partner.service';

export interface ServiceOptions {
  maxPageSize: number;
}

/** The composition of every service over one database; built once per process. */
export function createServices(db: DataSource, options: ServiceOptions) {
  return {
    apiKeys: new ApiKeyService(db),
    events: new EventService(db, options.maxPageSize),
    nodes: new NodeService(),
    partners: new PartnerService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
