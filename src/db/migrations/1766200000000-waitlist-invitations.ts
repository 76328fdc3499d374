import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './table-helpers';

/**
 * Invite-and-claim waitlists (issue 20). `event.waitlistMode`: AUTO_PROMOTE (a freed seat confirms the
 * next party, as before) or INVITE (it invites them); `event.inviteHours`: how long an invitation lasts
 * (null: 24). `registration.invitedUntil`: a waitlisted party's open invitation; its seats are a seat hold
 * (`invite:<registrationId>` in event.seatHolds) until it is claimed or ends.
 */
export class WaitlistInvitations1766200000000 implements MigrationInterface {
  name = 'WaitlistInvitations1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('event', [
      new TableColumn(col.enumText('waitlistMode', 'AUTO_PROMOTE')), new TableColumn({ name: 'inviteHours', type: 'integer', isNullable: true }),
    ]);
    await q.addColumn('registration', new TableColumn(col.instant('invitedUntil', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('registration', 'invitedUntil');
    await q.dropColumns('event', ['waitlistMode', 'inviteHours']);
  }
}
