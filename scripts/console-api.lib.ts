import path from 'node:path';

import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';

/** The console's API types, generated from the service's OpenAPI document. */
export const CONSOLE_API_TYPES_PATH = path.join(
  __dirname,
  '..',
  'console',
  'src',
  'api',
  'schema.ts',
);

const HEADER = `/**
 * Generated from the service's /openapi.json by \`npm run console:api\`: do not edit.
 * A test (test/console/api-types.test.ts) fails when this file differs from what the service serves.
 */
`;

/** The types openapi-typescript makes of the document, formatted as the repository's prettier does. */
export async function renderConsoleApiTypes(document: object): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], {
    alphabetize: true,
    exportType: true,
  });
  const options = (await resolveConfig(CONSOLE_API_TYPES_PATH)) ?? {};
  return format(HEADER + astToString(ast), { ...options, parser: 'typescript' });
}
