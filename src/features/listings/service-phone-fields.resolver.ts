import { FieldResolver, Resolver, Root } from 'type-graphql';
import { languagesOf } from '../../domain/language';
import { Language } from './language.type';
import { ServicePhone } from './service.type';

@Resolver(() => ServicePhone)
export class ServicePhoneFieldsResolver {
  @FieldResolver(() => [Language], { description: 'Languages spoken on this line, one entry per language.' })
  languages(@Root() phone: { languages: string[] }): Language[] {
    return languagesOf(phone.languages);
  }
}
