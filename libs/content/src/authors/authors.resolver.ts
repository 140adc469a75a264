import { Args, Query, Resolver } from '@nestjs/graphql';
import type { Author as AuthorRow } from '@pressroom/database';
import { AuthorsService } from './authors.service.js';
import { AuthorArgs, AuthorsArgs } from './dto/authors.args.js';
import { AuthorConnection } from './models/author-connection.model.js';
import { Author } from './models/author.model.js';

@Resolver(() => Author)
export class AuthorsResolver {
  constructor(private readonly authorsService: AuthorsService) {}

  @Query(() => Author, { nullable: true })
  author(@Args() args: AuthorArgs): Promise<AuthorRow | null> {
    return this.authorsService.findOne(args);
  }

  @Query(() => AuthorConnection)
  authors(@Args() args: AuthorsArgs) {
    return this.authorsService.list(args);
  }
}
