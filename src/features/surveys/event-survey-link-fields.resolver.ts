import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Context } from '../../context';
import { EventEntity } from '../../model/event.entity';
import { PrivateField } from '../../schema/private-field';
import { Event } from '../events/event.type';
import { SurveyLinkService } from './survey-link.service';
import { SurveyLink } from './survey-link.type';

/** Event.surveyLink: staff only, because the first ask stores the code; the access rule lives in the service. */
@Resolver(() => Event)
export class EventSurveyLinkFieldsResolver {
  constructor(private readonly surveyLinks: SurveyLinkService) {}

  @PrivateField()
  @FieldResolver(() => SurveyLink, {
    nullable: true,
    description: 'Staff of the event\'s partner (or an admin) only: the public survey page\'s short link and QR code, made on first ask '
      + '(null with FORBIDDEN for anyone else). The page shows the survey the occurrence asks, or says it asks none.',
  })
  surveyLink(@Ctx() ctx: Context, @Root() event: EventEntity): Promise<SurveyLink> {
    return this.surveyLinks.linkOf(ctx, event);
  }
}
