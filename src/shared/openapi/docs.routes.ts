import swaggerUi from 'swagger-ui-express';
import { z } from 'zod';

import { publicEndpoint, type Endpoint } from '../http/endpoint';

const tags = ['Operations'];

/** `/openapi.json` and the Swagger UI at `/docs`, both from the same generated document. */
export function docsEndpoints(document: () => object): Endpoint[] {
  const html = swaggerUi.generateHTML(undefined, { swaggerUrl: '/openapi.json' });
  return [
    publicEndpoint({
      method: 'get',
      path: '/openapi.json',
      summary: 'This API as an OpenAPI 3.1 document',
      tags,
      responses: { 200: { description: 'The document.', schema: z.looseObject({}) } },
      handle: () => ({ status: 200, body: document() }),
    }),
    publicEndpoint({
      method: 'get',
      path: '/docs',
      summary: 'Swagger UI for the OpenAPI document',
      tags,
      responses: {
        200: { description: 'The page.', schema: z.string(), contentType: 'text/html' },
        301: { description: 'To `/docs/`, where the page’s relative asset links resolve.' },
      },
      handle: ({ req }) =>
        req.originalUrl.split('?')[0]?.endsWith('/')
          ? { status: 200, contentType: 'text/html', body: html }
          : { status: 301, headers: { Location: '/docs/' } },
    }),
  ];
}

/** Static assets of Swagger UI under `/docs/…`; the init script points it at `/openapi.json`. */
export const docsAssets = swaggerUi.serveFiles(undefined, { swaggerUrl: '/openapi.json' });
