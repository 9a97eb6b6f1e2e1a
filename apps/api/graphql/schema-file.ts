import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { AppConfig } from '#libs/config';

/** The committed schema, relative to the repository root. A test fails when it differs from the code. */
export const SCHEMA_FILE = 'graphql/schema.gql';

export function printSchemaFile(schema: GraphQLSchema): string {
  return `# Generated from the code (code-first). Do not edit: run \`npm run schema:generate\`.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}

/** In development the API rewrites the schema file at start, so that it follows the code as you work. */
@Injectable()
export class SchemaFileWriter implements OnApplicationBootstrap {
  constructor(
    private readonly schemaHost: GraphQLSchemaHost,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.environment !== 'development') return;
    await mkdir(dirname(SCHEMA_FILE), { recursive: true });
    await writeFile(SCHEMA_FILE, printSchemaFile(this.schemaHost.schema));
  }
}
