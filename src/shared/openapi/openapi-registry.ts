import {
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  type RouteConfig,
} from '@asteasolutions/zod-to-openapi';

export type { RouteConfig } from '@asteasolutions/zod-to-openapi';

export const BEARER_SCHEME = 'bearerAuth';

/** One registry per app: endpoints register themselves as they are mounted. */
export function createOpenApiRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', BEARER_SCHEME, {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (`mpt_…`), shown once when it is created.',
  });
  return registry;
}

export function generateOpenApiDocument(registry: OpenAPIRegistry, version: string): object {
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'matchpunt API',
      version,
      description:
        'Matching homes for people leaving sheltered housing and shelters. The contract in words: docs/api-contract.md in the repository.',
    },
    servers: [{ url: '/' }],
  });
}

export type { OpenAPIRegistry };
export type RouteResponses = RouteConfig['responses'];
