import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Roles } from '@pressroom/auth';
import type { Author as AuthorRow } from '@pressroom/database';
import { AuthorEditingService } from './author-editing.service.js';
import { AuthorIdArgs } from './dto/author-id.args.js';
import { CreateAuthorArgs } from './dto/create-author.args.js';
import { UpdateAuthorArgs } from './dto/update-author.args.js';
import { Author } from './models/author.model.js';

@Resolver(() => Author)
@Roles('EDITOR')
export class AuthorsMutationsResolver {
  constructor(private readonly editing: AuthorEditingService) {}

  @Mutation(() => Author)
  createAuthor(@Args() { input }: CreateAuthorArgs): Promise<AuthorRow> {
    return this.editing.create(input);
  }

  @Mutation(() => Author)
  updateAuthor(@Args() { id, input }: UpdateAuthorArgs): Promise<AuthorRow> {
    return this.editing.update(id, input);
  }

  @Mutation(() => ID, { description: 'CONFLICT while articles still credit the author; returns the id' })
  deleteAuthor(@Args() { id }: AuthorIdArgs): Promise<string> {
    return this.editing.remove(id);
  }
}
