import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { SurveyRound } from '../../domain/survey';
import { CreateSurveyInput, RespondToSurveyInput, Survey, SurveyQuestions } from './survey.type';
import { SurveyService } from './survey.service';
import { surveyQuestions, surveyView } from './survey-view';

/** Outcome surveys (docs/impact.md); the service decides who may. */
@Resolver()
export class SurveyResolver {
  constructor(private readonly surveys: SurveyService) {}

  @Query(() => SurveyQuestions, {
    nullable: true,
    description: 'Public: what an occurrence\'s survey asks in a round (its own survey, else its series\', else its partner\'s for one of its '
      + 'categories); null when it asks none.',
  })
  async surveyFor(
    @Arg('eventId', () => ID, { description: 'The occurrence (global Event id).' }) eventId: string,
    @Arg('round', () => SurveyRound, { description: 'The round.' }) round: SurveyRound,
  ): Promise<SurveyQuestions | null> {
    const survey = await this.surveys.surveyFor(eventId, round);
    return survey ? surveyQuestions(survey) : null;
  }

  @Mutation(() => Survey, { description: 'Staff: attach an outcome survey. The partner\'s PARTNER key or an ADMIN key.' })
  async createSurvey(
    @Ctx() ctx: Context,
    @Arg('input', () => CreateSurveyInput, { description: 'The survey and what it is attached to.' }) input: CreateSurveyInput,
  ): Promise<Survey> {
    return surveyView(await this.surveys.create(ctx, input));
  }

  @Mutation(() => Boolean, { description: 'Staff: withdraw a survey; the answers it collected stay in the reports. The partner\'s PARTNER key or an ADMIN key.' })
  deleteSurvey(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'The survey (Survey.id).' }) id: string,
  ): Promise<boolean> {
    return this.surveys.delete(ctx, id);
  }

  @Mutation(() => Boolean, {
    description: 'Public: answer an occurrence\'s survey, anonymously (no name, email, address or token is stored with the answer). '
      + 'Each answer spends the address\'s register budget (RATE_LIMIT_REGISTER_PER_IP); a registrant\'s one-use token answers once, then CONFLICT.',
  })
  respondToSurvey(
    @Ctx() ctx: Context,
    @Arg('input', () => RespondToSurveyInput, { description: 'The answer.' }) input: RespondToSurveyInput,
  ): Promise<boolean> {
    return this.surveys.respond(ctx, input);
  }
}
