import type { CommunityPubSub } from '../pubsub/pubsub';
import type { ApiKeyService } from '../features/partners/api-key.service';

/**
 * Re-checks, per delivered frame, that the API key a socket authenticated with is still active, at one
 * database read per key per message received rather than one per frame: a read begun after the latest
 * message this process received sees every write announced so far, revocations included, so every
 * frame made since may share it. A key revoked by another process (`community-graph apikey revoke`,
 * which does not publish) is therefore caught by the first frame about a later write.
 */
export class ActiveKeys {
  private readonly reads = new Map<string, { asOf: number; active: Promise<boolean> }>();

  constructor(private readonly apiKeys: ApiKeyService, private readonly pubsub: CommunityPubSub) {}

  isActive(keyId: string): Promise<boolean> {
    const asOf = this.pubsub.received();
    const read = this.reads.get(keyId);
    if (read && read.asOf >= asOf) return read.active;
    const active = this.apiKeys.isActive(keyId);
    this.reads.set(keyId, { asOf, active });
    // A failed read is not remembered: the next frame reads again.
    active.catch(() => {
      if (this.reads.get(keyId)?.active === active) this.reads.delete(keyId);
    });
    return active;
  }

  /** Drops what is known of a key no socket uses any more. */
  forget(keyId: string): void {
    this.reads.delete(keyId);
  }
}
