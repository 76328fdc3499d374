import { RegistrationCountsMessage } from '../../pubsub/topics';

/**
 * Counts as they are stored, not as a message says they were. Writers publish after their commit,
 * and two commits on one event can be published in the other order (two replicas, or two answers
 * read back in another order): a subscriber handed the older one last would keep a stale count
 * forever. So each replica reads an event's counts again when a message about it arrives, one read
 * at a time per event, and a message arriving during a read asks for one more read after it: the
 * last delivery always comes from a read that started after the last message, and is the stored
 * state. Messages reach this stage already coalesced (LIVE_COALESCE_MS), so a burst costs a read or
 * two per event and replica, not one per registration.
 */
export class FreshCounts {
  private readonly reading = new Map<string, string | null>();

  constructor(
    private readonly read: (eventId: string) => Promise<Omit<RegistrationCountsMessage, 'changedAt'> | null>,
    private readonly deliver: (message: RegistrationCountsMessage) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  push(message: RegistrationCountsMessage): void {
    if (this.reading.has(message.eventId)) {
      // Read again once the read under way ends; the newest commit time goes with it.
      this.reading.set(message.eventId, latest(this.reading.get(message.eventId) ?? null, message.changedAt));
      return;
    }
    void this.refresh(message.eventId, message.changedAt);
  }

  private async refresh(eventId: string, changedAt: string): Promise<void> {
    this.reading.set(eventId, null);
    try {
      const counts = await this.read(eventId);
      if (counts) this.deliver({ ...counts, changedAt });
    } catch (error) {
      this.onError(error);
    }
    const again = this.reading.get(eventId) ?? null;
    this.reading.delete(eventId);
    if (again !== null) void this.refresh(eventId, again);
  }
}

const latest = (a: string | null, b: string): string => (a !== null && a > b ? a : b);
