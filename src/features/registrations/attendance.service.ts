import { DataSource } from 'typeorm';
import { Context } from '../../context';
import { access } from '../../domain/access';
import { DomainError, ErrorCode, InvalidArgumentError } from '../../domain/errors';
import { localIdOf } from '../../domain/global-id';
import { attendedByCategory, peopleIn, PartyCountEntry, tallyInto, tallyList } from '../../domain/party';
import { runWriteTransaction, TxProgram } from '../../db/write-transaction';
import { EventEntity } from '../../model/event.entity';
import { DataChanges } from '../../pubsub/data-changes';
import { partyCategoriesOf } from '../events/party-categories';
import { addWalkInsProgram, setHeadCountProgram } from './attendance-programs';
import { countsByCategory } from './party-makeup';

/** People in one addWalkIns call: a group arriving together, as a party is at most 100. */
const MAX_WALK_INS = 100;
/** People of one category in a head count: a festival in the park, not a stadium. */
const MAX_HEAD_COUNT = 100_000;

/** Who came to an occurrence, in people (EventAttendance). */
export interface EventAttendanceFigures {
  registered: number;
  walkIns: number;
  headCount: number;
  headCountByCategory: PartyCountEntry[];
  total: number;
  /** For byCategory, read only when asked (it reads every checked-in party; the door's check-in answer does not ask). */
  event: EventEntity;
}

/**
 * Attendance at the door beyond check-in: walk-ins (people who came without registering) and head
 * counts (drop-in occurrences, any registration mode, synced ones included), counted by category on
 * the event row with no personal data; and the occurrence's attendance, for its partner's staff.
 * Walk-ins take no seats: they are already in the room, and a seat they took would only turn away
 * someone still to register, or refuse the walk-in for a room that holds them.
 */
export class AttendanceService {
  constructor(private readonly db: DataSource, private readonly changes: DataChanges) {}

  async addWalkIns(ctx: Context, eventId: string, party: PartyCountEntry[]): Promise<EventAttendanceFigures> {
    const event = await this.findForStaff(ctx, eventId, 'Adding walk-ins');
    const came = countsByCategory(party, partyCategoriesOf(event), 'party', MAX_WALK_INS);
    if (peopleIn(came) < 1) throw new InvalidArgumentError('party', '0 people', 'at least one person who came');
    return this.write(ctx, event, () => addWalkInsProgram(event.id, came));
  }

  async setHeadCount(ctx: Context, eventId: string, party: PartyCountEntry[]): Promise<EventAttendanceFigures> {
    const event = await this.findForStaff(ctx, eventId, 'Setting a head count');
    const counted = countsByCategory(party, partyCategoriesOf(event), 'party', MAX_HEAD_COUNT);
    return this.write(ctx, event, () => setHeadCountProgram(event.id, counted));
  }

  /**
   * The occurrence's attendance, for its partner's staff only (it says who of the parties came). The
   * counts come from the event row; byCategory is its own field (byCategory below), so a check-in's
   * answer asking for the total does not read every party of the event.
   */
  of(ctx: Context, event: EventEntity): EventAttendanceFigures {
    access.requirePartner(ctx.principal, event.partnerId, 'Reading an event\'s attendance');
    const registered = event.attendedCount ?? 0;
    const walkIns = peopleIn(event.walkIns);
    const headCount = peopleIn(event.headCount);
    const headCountByCategory = new Map<string, number>();
    tallyInto(headCountByCategory, event.headCount);
    return { registered, walkIns, headCount, headCountByCategory: tallyList(headCountByCategory), total: registered + walkIns + headCount, event };
  }

  /** The three by category: checked-in parties (read here), walk-ins and the head count. Only through `of`, which checked the key. */
  async byCategory(ctx: Context, figures: EventAttendanceFigures): Promise<PartyCountEntry[]> {
    const registrations = await ctx.loaders.registrationsByEvent.load(figures.event.id);
    const byCategory = new Map<string, number>();
    for (const r of registrations) tallyInto(byCategory, attendedByCategory(r));
    tallyInto(byCategory, figures.event.walkIns);
    tallyInto(byCategory, figures.event.headCount);
    return tallyList(byCategory);
  }

  private async write(ctx: Context, event: EventEntity, program: () => TxProgram<boolean>): Promise<EventAttendanceFigures> {
    await runWriteTransaction(this.db, program);
    this.changes.committed('registrations');
    ctx.loaders.eventById.clear(event.id);
    const fresh = await ctx.loaders.eventById.load(event.id);
    return this.of(ctx, fresh ?? event);
  }

  private async findForStaff(ctx: Context, eventId: string, action: string): Promise<EventEntity> {
    const event = await ctx.loaders.eventById.load(localIdOf('Event', eventId, 'eventId'));
    if (!event) {
      // Refuse the public before saying whether the id exists.
      access.requirePartner(ctx.principal, '', action);
      throw new DomainError(ErrorCode.NOT_FOUND, `No event has the id ${eventId}.`, { argument: 'eventId' });
    }
    access.requirePartner(ctx.principal, event.partnerId, action);
    return event;
  }
}
