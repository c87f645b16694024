/**
 * Generated from the service's /openapi.json by `npm run console:api`: do not edit.
 * A test (test/console/api-types.test.ts) fails when this file differs from what the service serves.
 */
export type paths = {
  '/api/v1/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who did what when: the append-only audit trail
     * @description Oldest first, keyset-paged. An admin sees everything; a matcher what concerns the units, clients and proposals of its point's municipalities. Filter by `entityType` and `entityId`.
     *
     *     Roles: admin, matcher.
     */
    get: {
      parameters: {
        query?: {
          /** @description The previous page's `nextCursor`, as it was handed out. */
          cursor?: string;
          entityId?: string;
          entityType?: string;
          limit?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['AuditEvent'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/checkins': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List follow-up check-ins (provider: its clients; matcher: its municipalities)
     * @description Each placement has check-ins due 3, 6 and 12 months after the lease start; an open one is `upcoming`, `due` from its due date, `overdue` 30 days after. Corporations do not see the follow-up.
     *
     *     Roles: admin, matcher, provider.
     */
    get: {
      parameters: {
        query?: {
          /** @description The previous page's `nextCursor`, as it was handed out. */
          cursor?: string;
          limit?: number;
          placementId?: string;
          status?: 'upcoming' | 'due' | 'overdue' | 'done' | 'cancelled';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Checkin'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/clients': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List clients (provider: its own; matcher: belonging to its municipalities; admin: all)
     * @description Reads by another organisation than the registering provider are audited.
     *
     *     Roles: provider, matcher, admin.
     */
    get: {
      parameters: {
        query?: {
          /** @description The previous page's `nextCursor`, as it was handed out. */
          cursor?: string;
          externalRef?: string;
          limit?: number;
          municipalityOfBelonging?: string;
          status?: 'waiting' | 'proposed' | 'placed' | 'withdrawn';
          targetGroup?: 'bw' | 'mo' | 'vo' | 'other';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Client'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Register a client ready for uitstroom (provider): a pseudonymised profile
     * @description No name, BSN, birth date, diagnosis or free text: `externalRef` is your own case reference (a BSN is refused). Anchors are rounded to 2 decimals (≈1 km). A client without consent is stored as waiting but never matched (`matchable: false`). Sending the same externalRef again answers 409 with `existingId`.
     *
     *     Roles: provider.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateClient'];
        };
      };
      responses: {
        /** @description Registered. */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Client'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a duplicate, or a transition the current state does not allow. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/clients/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a client
     * @description Roles: provider, matcher, admin.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The client; ETag is its version. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Client'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a waiting client's profile (provider); optional If-Match
     * @description Roles: provider.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PatchClient'];
        };
      };
      responses: {
        /** @description The client as it is now. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Client'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a duplicate, or a transition the current state does not allow. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The `If-Match` version is stale. */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/clients/{id}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Data-subject export (AVG art. 15): everything stored about one of your clients
     * @description One JSON document: the profile, every proposal with its decisions, every placement with its history and check-ins, the access log (who read the profile, when) and the rest of its audit trail. The export itself is audited (`client.exported`). See docs/privacy.md.
     *
     *     Roles: provider.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The export. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ClientDataExport'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/clients/{id}/unpark': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Lift a parking (matcher of the client’s municipality)
     * @description A parked client (`parkedUntil` later than today: set by its provider, or by the region’s reason consequence after repeated declines, see `parkedBy`) is matchable again at once, and a run follows. Audited as `client.unparked`. A client that is not parked is answered as it is. Another matcher gets 404.
     *
     *     Roles: matcher.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The client as it is now. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Client'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/clients/{id}/urgency': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Confirm or decline a client's urgency (matcher of its municipality)
     * @description A provider requests urgency with `urgencyReason`; a matcher of a municipality the client belongs to confirms it (`confirm: true`, optionally with its own reason) or declines it (`confirm: false`, which also clears the request). Confirmed urgency puts the client in the urgent tier of the matching. Another matcher gets 404.
     *
     *     Roles: matcher.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['UrgencyDecision'];
        };
      };
      responses: {
        /** @description The client as it is now. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Client'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a duplicate, or a transition the current state does not allow. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/clients/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Withdraw a client (provider); withdrawing again changes nothing
     * @description Roles: provider.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The withdrawn client. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Client'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a duplicate, or a transition the current state does not allow. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/contingents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Pledges with placed so far (corporation: own; matcher, gemeente: their municipalities)
     * @description Roles: corporation, matcher, viewer, admin.
     */
    get: {
      parameters: {
        query?: {
          municipalityCode?: string;
          year?: number;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Pledges. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Contingent'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Pledge contingent homes for a municipality and year (corporation)
     * @description Roles: corporation.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateContingent'];
        };
      };
      responses: {
        /** @description Pledged. */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Contingent'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a duplicate, or a transition the current state does not allow. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/contingents/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a pledge
     * @description Roles: corporation, matcher, viewer, admin.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The pledge. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Contingent'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Revise the number pledged (corporation)
     * @description Roles: corporation.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PatchContingent'];
        };
      };
      responses: {
        /** @description The pledge now. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Contingent'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/matching/cap-blocked': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Waiting clients blocked only by a cap: no allowed home now, one if no area cap were reached
     * @description Computed now from the same snapshot a run reads. Per client the homes a cap closes and the caps (NEIGHBOURHOOD_CAP_REACHED, MUNICIPALITY_CAP_REACHED, CLUSTER_CAP_REACHED); ids and codes only; for a matcher only the clients belonging to its municipalities.
     *
     *     Roles: matcher, admin.
     */
    get: {
      parameters: {
        query: {
          regionCode: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The clients. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CapBlockedClients'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/matching/runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List matching runs, oldest first
     * @description Roles: matcher, admin.
     */
    get: {
      parameters: {
        query?: {
          /** @description The previous page's `nextCursor`, as it was handed out. */
          cursor?: string;
          limit?: number;
          regionCode?: string;
          status?: 'queued' | 'running' | 'done' | 'failed';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['MatchingRun'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Request a matching run for a region (matcher: its own region; admin)
     * @description Queued at once (202) and run by the background worker. `dryRun: true` with optional `policy` overrides computes a preview: it stores only the run and its would-be proposals (`GET /matching/runs/{id}/preview`), offers nothing and changes no unit or client.
     *
     *     Roles: matcher, admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @default false */
            dryRun?: boolean;
            /** @description What-if changes to the region policy (dry runs only). */
            policy?: {
              maxDistanceKm?: number;
              municipalityCaps?: {
                [key: string]: number;
              };
              neighbourhoodCap?: number;
              planningHorizonDays?: number;
              weights?: {
                begeleiding?: number;
                location?: number;
                prikkelarm?: number;
                spreiding?: number;
                wait?: number;
              };
            };
            regionCode: string;
          };
        };
      };
      responses: {
        /** @description Queued. */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MatchingRun'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/matching/runs/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a matching run: status, stats (optimal against greedy), phase timings, error
     * @description Roles: matcher, admin.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The run. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MatchingRun'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/matching/runs/{id}/passed-over': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A run's passed-over report: clients with an eligible home left unhoused while someone who waited less, not urgent, was
     * @description Client and unit ids and reason codes only (`cap`, `capacity`, `rule`, `fit`); for a matcher only the clients belonging to its municipalities. Empty until the run is done.
     *
     *     Roles: matcher, admin.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The report. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MatchingRunPassedOver'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/matching/runs/{id}/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A dry run's would-be proposals, best first (never offered to anyone)
     * @description Roles: matcher, admin.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The preview. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MatchingRunPreview'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who the token is: its role and its organisation */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The caller. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Me'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/municipalities': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List municipalities */
    get: {
      parameters: {
        query?: {
          regionCode?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description All matching. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Municipality'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Add a municipality (admin)
     * @description Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateMunicipality'];
        };
      };
      responses: {
        /** @description Created. */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Municipality'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a duplicate, or a transition the current state does not allow. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/municipalities/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a municipality */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The municipality. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Municipality'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/municipalities/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Bulk-load municipalities from JSON or CSV (admin)
     * @description Loads a reference list in one transaction: a JSON array of records, or CSV with a header row naming the same fields (`,` or `;` separated). New codes are created, changed ones updated, identical ones left alone, so loading the same list twice changes nothing. Any invalid record → 422 naming each (`rows[i]` for JSON, `lines[n]` for CSV where the header is line 1) and nothing is written.
     *
     *     Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateMunicipality'][];
          'text/csv': string;
        };
      };
      responses: {
        /** @description Loaded. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BulkResult'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/neighbourhoods': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List neighbourhoods */
    get: {
      parameters: {
        query?: {
          municipalityCode?: string;
          regionCode?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description All matching. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Neighbourhood'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Add a neighbourhood (admin)
     * @description Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateNeighbourhood'];
        };
      };
      responses: {
        /** @description Created. */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Neighbourhood'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a duplicate, or a transition the current state does not allow. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/neighbourhoods/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a neighbourhood */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The neighbourhood. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Neighbourhood'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/neighbourhoods/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Bulk-load neighbourhoods from JSON or CSV (admin)
     * @description Loads a reference list in one transaction: a JSON array of records, or CSV with a header row naming the same fields (`,` or `;` separated). New codes are created, changed ones updated, identical ones left alone, so loading the same list twice changes nothing. Any invalid record → 422 naming each (`rows[i]` for JSON, `lines[n]` for CSV where the header is line 1) and nothing is written.
     *
     *     Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateNeighbourhood'][];
          'text/csv': string;
        };
      };
      responses: {
        /** @description Loaded. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BulkResult'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organisations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List organisations (admin: all; others: their own) */
    get: {
      parameters: {
        query?: {
          /** @description The previous page's `nextCursor`, as it was handed out. */
          cursor?: string;
          kind?:
            | 'platform'
            | 'matchingspunt'
            | 'corporatie'
            | 'zorgaanbieder'
            | 'welzijnsaanbieder'
            | 'gemeente';
          limit?: number;
          regionCode?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Organisation'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create an organisation (admin)
     * @description Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateOrganisation'];
        };
      };
      responses: {
        /** @description Created. */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Organisation'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a duplicate, or a transition the current state does not allow. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organisations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get an organisation */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The organisation. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Organisation'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organisations/{id}/coverage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A provider's support coverage (provider: own; matcher: its region; admin) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The coverage. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Coverage'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Set where a provider's support can go and its capacity there (provider: own; admin)
     * @description Roles: provider, admin.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CoverageInput'];
        };
      };
      responses: {
        /** @description The coverage now. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Coverage'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organisations/{id}/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List an organisation's tokens, without secrets (admin)
     * @description Roles: admin.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Tokens. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Token'][];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create an API token for an organisation (admin); the secret is shown only here
     * @description Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateToken'];
        };
      };
      responses: {
        /** @description Created. */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CreatedToken'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/organisations/{id}/tokens/{tokenId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Revoke a token (admin); idempotent
     * @description Roles: admin.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
          tokenId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Revoked. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/placements': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List placements (the tenancies that followed a placed proposal)
     * @description Oldest first. A matcher sees the placements of its municipalities, a corporation those of its homes, a provider those of its clients (and those it supports); another organisation's placement is 404.
     *
     *     Roles: admin, matcher, corporation, provider.
     */
    get: {
      parameters: {
        query?: {
          clientId?: string;
          /** @description The previous page's `nextCursor`, as it was handed out. */
          cursor?: string;
          limit?: number;
          /** @description true: only omklap placements not flipped whose review date came. */
          reviewDue?: 'true' | 'false';
          status?: 'active' | 'flipped' | 'terugklap' | 'moving_on' | 'ended';
          unitId?: string;
          unitType?: 'contingent' | 'omklap' | 'skaeve_huis' | 'doorstroom';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Placement'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/placements/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a placement with its history (and follow-up, for all but the corporation)
     * @description A matcher sees the placements of its municipalities, a corporation those of its homes, a provider those of its clients (and those it supports); another organisation's placement is 404.
     *
     *     Roles: admin, matcher, corporation, provider.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The placement; ETag is its version. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Placement'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/placements/{id}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record what happened to a placement
     * @description The corporation records the lease: `omklap_flipped` (the lease to the client's own name), `omklap_extended` (a new `reviewDate`), `terugklap` (the lease back to the provider), `ended` (the tenancy ended; the home is available again). The client's provider records `returned_to_waiting` after a terugklap (the client is matchable again, the home available) and `checkin` (`stablyHoused`, for a check-in due by `date`; the support provider may too). Optional `If-Match` (412 when stale); an event the placement's type or state does not allow → 409 naming the state.
     *
     *     Roles: corporation, provider.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PlacementEvent'];
        };
      };
      responses: {
        /** @description The updated placement. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Placement'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a duplicate, or a transition the current state does not allow. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The `If-Match` version is stale. */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/placements/follow-up': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run the follow-up job now (it also runs every hour)
     * @description Announces check-ins and omklap reviews that came due (`checkin.due`, `placement.review_due`, each once) and lets doorstroom clients whose moment came move on (matchable again, urgent; `placement.doorstroom_due`), requesting a run for their region.
     *
     *     Roles: admin, matcher.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Queued. */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              jobId: string;
            };
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/proposals': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List proposals (matcher: its municipalities; corporation, provider: approved ones of their own)
     * @description Oldest first. A matcher (or admin) sees everything; a corporation sees only household size, move-in needs and support of the client (never target group, anchors, wait or the score breakdown); a provider sees the home. Corporations and providers see a proposal only once approved.
     *
     *     Roles: admin, matcher, corporation, provider.
     */
    get: {
      parameters: {
        query?: {
          clientId?: string;
          /** @description The home's corporation. */
          corporationId?: string;
          /** @description The previous page's `nextCursor`, as it was handed out. */
          cursor?: string;
          limit?: number;
          /** @description The client's registering provider. */
          providerId?: string;
          regionCode?: string;
          runId?: string;
          status?:
            | 'proposed'
            | 'approved'
            | 'accepted'
            | 'rejected'
            | 'declined'
            | 'placed'
            | 'cancelled'
            | 'expired';
          unitId?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page; a matcher's items without the rule results (see the single read). */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['ProposalListView'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * A matcher's own proposal for a unit and a client
     * @description Evaluated exactly as candidates are. A pair that breaks a hard rule needs `override: true` (422 otherwise); the overridden rules are stored and a second matcher must approve it.
     *
     *     Roles: matcher.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** Format: uuid */
            clientId: string;
            /** @description Why this pair, in a few words; no client details. */
            justification: string;
            /**
             * @description Required to propose a pair that breaks a hard rule.
             * @default false
             */
            override?: boolean;
            /** Format: uuid */
            unitId: string;
          };
        };
      };
      responses: {
        /** @description The proposal (`proposed`). */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProposalView'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a duplicate, or a transition the current state does not allow. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/proposals/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a proposal, as your party may see it
     * @description A matcher (or admin) sees everything; a corporation sees only household size, move-in needs and support of the client (never target group, anchors, wait or the score breakdown); a provider sees the home. Corporations and providers see a proposal only once approved.
     *
     *     Roles: admin, matcher, corporation, provider.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The proposal; ETag is its version. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProposalView'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/proposals/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept a proposal for your side; both sides' acceptance makes it accepted
     * @description While `approved`; once corporation and provider accepted → `accepted`. Optional `If-Match` (412 when stale); a step the current state does not allow → 409 naming the state.
     *
     *     Roles: corporation, provider.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description The updated proposal. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProposalView'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a duplicate, or a transition the current state does not allow. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The `If-Match` version is stale. */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/proposals/{id}/approve': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Approve a proposal (voordracht to corporation and provider)
     * @description `proposed` → `approved`. A manual proposal that overrides a hard rule is approved by a second matcher: another token than the one that created it (409 otherwise). Optional `If-Match` (412 when stale); a step the current state does not allow → 409 naming the state.
     *
     *     Roles: matcher.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': Record<string, never>;
        };
      };
      responses: {
        /** @description The updated proposal. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProposalView'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a duplicate, or a transition the current state does not allow. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The `If-Match` version is stale. */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/proposals/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel an open proposal; unit and client are free at once and a run follows
     * @description `proposed`, `approved` or `accepted` → `cancelled`, with a matcher reason. The pair is never proposed again. Optional `If-Match` (412 when stale); a step the current state does not allow → 409 naming the state.
     *
     *     Roles: matcher.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Required with reason `other`, refused with any other reason. No client details. */
            note?: string;
            /**
             * @description A code from `GET /api/v1/reference/reasons`, from the list of your party.
             * @enum {string}
             */
            reason:
              | 'unit_no_longer_available'
              | 'household_does_not_fit'
              | 'rent_arrears_history'
              | 'other'
              | 'location_refused'
              | 'support_cannot_be_arranged'
              | 'client_not_reachable'
              | 'client_declines'
              | 'better_alternative'
              | 'information_incomplete';
          };
        };
      };
      responses: {
        /** @description The updated proposal. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProposalView'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a duplicate, or a transition the current state does not allow. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The `If-Match` version is stale. */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/proposals/{id}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Decline a proposal; unit and client are free at once and a run follows
     * @description `approved` → `declined`, with a reason from your party's list. The pair is never proposed again. Optional `If-Match` (412 when stale); a step the current state does not allow → 409 naming the state.
     *
     *     Roles: corporation, provider.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Required with reason `other`, refused with any other reason. No client details. */
            note?: string;
            /**
             * @description A code from `GET /api/v1/reference/reasons`, from the list of your party.
             * @enum {string}
             */
            reason:
              | 'unit_no_longer_available'
              | 'household_does_not_fit'
              | 'rent_arrears_history'
              | 'other'
              | 'location_refused'
              | 'support_cannot_be_arranged'
              | 'client_not_reachable'
              | 'client_declines'
              | 'better_alternative'
              | 'information_incomplete';
          };
        };
      };
      responses: {
        /** @description The updated proposal. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProposalView'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a duplicate, or a transition the current state does not allow. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The `If-Match` version is stale. */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/proposals/{id}/placement': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Record the placement: the lease starts
     * @description `accepted` → `placed`; the unit becomes `let`, the client `placed`, and a contingent unit counts towards its pledge's `placed`. Optional `If-Match` (412 when stale); a step the current state does not allow → 409 naming the state.
     *
     *     Roles: corporation.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /**
             * Format: date
             * @example 2026-12-01
             */
            leaseStart: string;
          };
        };
      };
      responses: {
        /** @description The updated proposal. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProposalView'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a duplicate, or a transition the current state does not allow. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The `If-Match` version is stale. */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/proposals/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reject a proposal; unit and client are free at once and a run follows
     * @description `proposed` → `rejected`, with a matcher reason. The pair is never proposed again. Optional `If-Match` (412 when stale); a step the current state does not allow → 409 naming the state.
     *
     *     Roles: matcher.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @description Required with reason `other`, refused with any other reason. No client details. */
            note?: string;
            /**
             * @description A code from `GET /api/v1/reference/reasons`, from the list of your party.
             * @enum {string}
             */
            reason:
              | 'unit_no_longer_available'
              | 'household_does_not_fit'
              | 'rent_arrears_history'
              | 'other'
              | 'location_refused'
              | 'support_cannot_be_arranged'
              | 'client_not_reachable'
              | 'client_declines'
              | 'better_alternative'
              | 'information_incomplete';
          };
        };
      };
      responses: {
        /** @description The updated proposal. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ProposalView'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a duplicate, or a transition the current state does not allow. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The `If-Match` version is stale. */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reference/reasons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The reasons each party may give to reject, decline or cancel a proposal
     * @description `other` needs a short `note`; no other reason takes one.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Reasons by party. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DecisionReasons'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/regions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List regions */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description All regions. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Region'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create a region (admin); it starts with the default policy as version 1
     * @description Roles: admin.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateRegion'];
        };
      };
      responses: {
        /** @description Created. */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Region'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a duplicate, or a transition the current state does not allow. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/regions/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a region */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The region. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Region'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/regions/{code}/policy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The region's matching policy (newest, or `?version=`); ETag is the version */
    get: {
      parameters: {
        query?: {
          version?: number;
        };
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The policy. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RegionPolicy'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Replace the whole policy (admin; If-Match required): a new immutable version
     * @description Send every field (`municipalityCaps` may be left out: no caps) and `If-Match` with the ETag you read: without it 428, with a stale one 412. Sending the current policy again creates no new version. To change a few fields, use PATCH.
     *
     *     Roles: admin.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RegionPolicyReplace'];
        };
      };
      responses: {
        /** @description The policy now in force. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RegionPolicy'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The `If-Match` version is stale. */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Send `If-Match` with the ETag of the version you read. */
        428: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change named fields of the policy (admin): a new immutable version
     * @description Only the fields sent change, at any depth (`{"weights": {"wait": 0.3}}`); `municipalityCaps` is replaced whole. The resulting policy is validated as a whole. Optional `If-Match`: a stale version is refused (412).
     *
     *     Roles: admin.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['RegionPolicyPatch'];
        };
      };
      responses: {
        /** @description The policy now in force. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RegionPolicy'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The `If-Match` version is stale. */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/regions/{code}/policy/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every version of the policy, newest first */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          code: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Versions. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['RegionPolicy'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/contingents.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Contingent pledges of the years in the period against placements in pledged homes (CSV)
     * @description The overview's `contingents` table as CSV: UTF-8 with a byte-order mark, a header row, columns in this order: year, municipalityCode, corporationId, corporationName, pledged, placed. A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`. A matcher sees its point's municipalities, an admin the named region, a gemeente its own municipality, whole calendar years only, with counts below the small-number threshold shown as `<5` and counts that would reveal them as `x` (docs/reports.md).
     *
     *     Roles: admin, matcher, viewer.
     */
    get: {
      parameters: {
        query?: {
          /** @description First day of the period (default: 1 January of the year of `to`). */
          from?: string;
          /** @description Only this municipality (one you may see). */
          municipalityCode?: string;
          /** @description Defaults to your organisation's region; an admin names one. */
          regionCode?: string;
          /** @description `semicolon` for a Dutch Excel, which expects `;` between cells. */
          separator?: 'comma' | 'semicolon';
          /** @description Last day of the period (default: today). */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The table. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/declines.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Rejections, declines, cancellations and expiries in the period, by party and reason (CSV)
     * @description The overview's `declines` table as CSV: UTF-8 with a byte-order mark, a header row, columns in this order: municipalityCode, targetGroup, action, party, reason, count. A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`. A matcher sees its point's municipalities, an admin the named region, a gemeente its own municipality, whole calendar years only, with counts below the small-number threshold shown as `<5` and counts that would reveal them as `x` (docs/reports.md).
     *
     *     Roles: admin, matcher, viewer.
     */
    get: {
      parameters: {
        query?: {
          /** @description First day of the period (default: 1 January of the year of `to`). */
          from?: string;
          /** @description Only this municipality (one you may see). */
          municipalityCode?: string;
          /** @description Defaults to your organisation's region; an admin names one. */
          regionCode?: string;
          /** @description `semicolon` for a Dutch Excel, which expects `;` between cells. */
          separator?: 'comma' | 'semicolon';
          /** @description Last day of the period (default: today). */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The table. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/follow-up.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Follow-up check-ins due in the period, 3, 6 and 12 months after the lease start: stably housed, not, not yet recorded (CSV)
     * @description The overview's `followUp` table as CSV: UTF-8 with a byte-order mark, a header row, columns in this order: municipalityCode, targetGroup, months, stablyHoused, notStablyHoused, notRecorded, due, stablyHousedShare. A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`. A matcher sees its point's municipalities, an admin the named region, a gemeente its own municipality, whole calendar years only, with counts below the small-number threshold shown as `<5` and counts that would reveal them as `x` (docs/reports.md).
     *
     *     Roles: admin, matcher, viewer.
     */
    get: {
      parameters: {
        query?: {
          /** @description First day of the period (default: 1 January of the year of `to`). */
          from?: string;
          /** @description Only this municipality (one you may see). */
          municipalityCode?: string;
          /** @description Defaults to your organisation's region; an admin names one. */
          regionCode?: string;
          /** @description `semicolon` for a Dutch Excel, which expects `;` between cells. */
          separator?: 'comma' | 'semicolon';
          /** @description Last day of the period (default: today). */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The table. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/instroom.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Clients registered in the period (CSV)
     * @description The overview's `instroom` table as CSV: UTF-8 with a byte-order mark, a header row, columns in this order: municipalityCode, targetGroup, registered. A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`. A matcher sees its point's municipalities, an admin the named region, a gemeente its own municipality, whole calendar years only, with counts below the small-number threshold shown as `<5` and counts that would reveal them as `x` (docs/reports.md).
     *
     *     Roles: admin, matcher, viewer.
     */
    get: {
      parameters: {
        query?: {
          /** @description First day of the period (default: 1 January of the year of `to`). */
          from?: string;
          /** @description Only this municipality (one you may see). */
          municipalityCode?: string;
          /** @description Defaults to your organisation's region; an admin names one. */
          regionCode?: string;
          /** @description `semicolon` for a Dutch Excel, which expects `;` between cells. */
          separator?: 'comma' | 'semicolon';
          /** @description Last day of the period (default: today). */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The table. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/neighbourhood-load.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Load per neighbourhood now (open proposals and placements in the cap window) and its cap (CSV)
     * @description The overview's `neighbourhoodLoad` table as CSV: UTF-8 with a byte-order mark, a header row, columns in this order: municipalityCode, neighbourhoodCode, load, cap. A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`. A matcher sees its point's municipalities, an admin the named region, a gemeente its own municipality, whole calendar years only, with counts below the small-number threshold shown as `<5` and counts that would reveal them as `x` (docs/reports.md).
     *
     *     Roles: admin, matcher, viewer.
     */
    get: {
      parameters: {
        query?: {
          /** @description First day of the period (default: 1 January of the year of `to`). */
          from?: string;
          /** @description Only this municipality (one you may see). */
          municipalityCode?: string;
          /** @description Defaults to your organisation's region; an admin names one. */
          regionCode?: string;
          /** @description `semicolon` for a Dutch Excel, which expects `;` between cells. */
          separator?: 'comma' | 'semicolon';
          /** @description Last day of the period (default: today). */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The table. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/overview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Policy information: every report table for a region or municipality and period
     * @description A matcher sees its point's municipalities, an admin the named region, a gemeente its own municipality, whole calendar years only, with counts below the small-number threshold shown as `<5` and counts that would reveal them as `x` (docs/reports.md).
     *
     *     Roles: admin, matcher, viewer.
     */
    get: {
      parameters: {
        query?: {
          /** @description First day of the period (default: 1 January of the year of `to`). */
          from?: string;
          /** @description Only this municipality (one you may see). */
          municipalityCode?: string;
          /** @description Defaults to your organisation's region; an admin names one. */
          regionCode?: string;
          /** @description Last day of the period (default: today). */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The overview. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ReportOverview'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/placement-changes.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Changes to tenancies in the period: omklap flips, extensions and terugklap, returns to waiting, doorstroom moving on and moves, ended tenancies (CSV)
     * @description The overview's `placementChanges` table as CSV: UTF-8 with a byte-order mark, a header row, columns in this order: municipalityCode, targetGroup, omklapFlipped, omklapExtended, terugklap, returnedToWaiting, doorstroomMovingOn, doorstroomMovedOn, ended. A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`. A matcher sees its point's municipalities, an admin the named region, a gemeente its own municipality, whole calendar years only, with counts below the small-number threshold shown as `<5` and counts that would reveal them as `x` (docs/reports.md).
     *
     *     Roles: admin, matcher, viewer.
     */
    get: {
      parameters: {
        query?: {
          /** @description First day of the period (default: 1 January of the year of `to`). */
          from?: string;
          /** @description Only this municipality (one you may see). */
          municipalityCode?: string;
          /** @description Defaults to your organisation's region; an admin names one. */
          regionCode?: string;
          /** @description `semicolon` for a Dutch Excel, which expects `;` between cells. */
          separator?: 'comma' | 'semicolon';
          /** @description Last day of the period (default: today). */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The table. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/placements.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Uitstroom: placements whose lease started in the period, by unit type (CSV)
     * @description The overview's `placements` table as CSV: UTF-8 with a byte-order mark, a header row, columns in this order: municipalityCode, targetGroup, contingent, omklap, skaeveHuis, doorstroom, total. A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`. A matcher sees its point's municipalities, an admin the named region, a gemeente its own municipality, whole calendar years only, with counts below the small-number threshold shown as `<5` and counts that would reveal them as `x` (docs/reports.md).
     *
     *     Roles: admin, matcher, viewer.
     */
    get: {
      parameters: {
        query?: {
          /** @description First day of the period (default: 1 January of the year of `to`). */
          from?: string;
          /** @description Only this municipality (one you may see). */
          municipalityCode?: string;
          /** @description Defaults to your organisation's region; an admin names one. */
          regionCode?: string;
          /** @description `semicolon` for a Dutch Excel, which expects `;` between cells. */
          separator?: 'comma' | 'semicolon';
          /** @description Last day of the period (default: today). */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The table. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/proposals.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Proposals made in the period, by what became of them (CSV)
     * @description The overview's `proposals` table as CSV: UTF-8 with a byte-order mark, a header row, columns in this order: municipalityCode, targetGroup, proposed, approved, accepted, placed, rejected, declined, cancelled, expired, total. A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`. A matcher sees its point's municipalities, an admin the named region, a gemeente its own municipality, whole calendar years only, with counts below the small-number threshold shown as `<5` and counts that would reveal them as `x` (docs/reports.md).
     *
     *     Roles: admin, matcher, viewer.
     */
    get: {
      parameters: {
        query?: {
          /** @description First day of the period (default: 1 January of the year of `to`). */
          from?: string;
          /** @description Only this municipality (one you may see). */
          municipalityCode?: string;
          /** @description Defaults to your organisation's region; an admin names one. */
          regionCode?: string;
          /** @description `semicolon` for a Dutch Excel, which expects `;` between cells. */
          separator?: 'comma' | 'semicolon';
          /** @description Last day of the period (default: today). */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The table. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/runs.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Matching runs finished in the period: the optimal assignment against greedy (CSV)
     * @description The overview's `runs` table as CSV: UTF-8 with a byte-order mark, a header row, columns in this order: regionCode, runs, assigned, greedyAssigned, objective, greedyObjective, gain, gainPercent. A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`. A matcher sees its point's municipalities, an admin the named region, a gemeente its own municipality, whole calendar years only, with counts below the small-number threshold shown as `<5` and counts that would reveal them as `x` (docs/reports.md).
     *
     *     Roles: admin, matcher, viewer.
     */
    get: {
      parameters: {
        query?: {
          /** @description First day of the period (default: 1 January of the year of `to`). */
          from?: string;
          /** @description Only this municipality (one you may see). */
          municipalityCode?: string;
          /** @description Defaults to your organisation's region; an admin names one. */
          regionCode?: string;
          /** @description `semicolon` for a Dutch Excel, which expects `;` between cells. */
          separator?: 'comma' | 'semicolon';
          /** @description Last day of the period (default: today). */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The table. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/time-to-placement.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Days from ready for uitstroom to the lease start, for placements in the period (CSV)
     * @description The overview's `timeToPlacement` table as CSV: UTF-8 with a byte-order mark, a header row, columns in this order: municipalityCode, targetGroup, placed, medianDays, p90Days. A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`. A matcher sees its point's municipalities, an admin the named region, a gemeente its own municipality, whole calendar years only, with counts below the small-number threshold shown as `<5` and counts that would reveal them as `x` (docs/reports.md).
     *
     *     Roles: admin, matcher, viewer.
     */
    get: {
      parameters: {
        query?: {
          /** @description First day of the period (default: 1 January of the year of `to`). */
          from?: string;
          /** @description Only this municipality (one you may see). */
          municipalityCode?: string;
          /** @description Defaults to your organisation's region; an admin names one. */
          regionCode?: string;
          /** @description `semicolon` for a Dutch Excel, which expects `;` between cells. */
          separator?: 'comma' | 'semicolon';
          /** @description Last day of the period (default: today). */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The table. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/reports/waiting.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Clients waiting at the end of the period, by time since ready for uitstroom (CSV)
     * @description The overview's `waiting` table as CSV: UTF-8 with a byte-order mark, a header row, columns in this order: municipalityCode, targetGroup, under3Months, months3To6, months6To12, over12Months, total. A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`. A matcher sees its point's municipalities, an admin the named region, a gemeente its own municipality, whole calendar years only, with counts below the small-number threshold shown as `<5` and counts that would reveal them as `x` (docs/reports.md).
     *
     *     Roles: admin, matcher, viewer.
     */
    get: {
      parameters: {
        query?: {
          /** @description First day of the period (default: 1 January of the year of `to`). */
          from?: string;
          /** @description Only this municipality (one you may see). */
          municipalityCode?: string;
          /** @description Defaults to your organisation's region; an admin names one. */
          regionCode?: string;
          /** @description `semicolon` for a Dutch Excel, which expects `;` between cells. */
          separator?: 'comma' | 'semicolon';
          /** @description Last day of the period (default: today). */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The table. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/units': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List units (corporation: its own; matcher: in its municipalities; admin: all)
     * @description Roles: corporation, matcher, admin.
     */
    get: {
      parameters: {
        query?: {
          /** @description The previous page's `nextCursor`, as it was handed out. */
          cursor?: string;
          externalRef?: string;
          limit?: number;
          municipalityCode?: string;
          neighbourhoodCode?: string;
          status?: 'available' | 'proposed' | 'let' | 'withdrawn';
          type?: 'contingent' | 'omklap' | 'skaeve_huis' | 'doorstroom';
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Unit'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Register an available unit (corporation)
     * @description `externalRef` is unique per corporation: sending the same unit again answers 409 (with `existingId`) and stores nothing.
     *
     *     Roles: corporation.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateUnit'];
        };
      };
      responses: {
        /** @description Registered. */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Unit'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a duplicate, or a transition the current state does not allow. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/units/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a unit
     * @description Roles: corporation, matcher, admin.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The unit; ETag is its version. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Unit'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change an available unit (corporation); optional If-Match
     * @description Roles: corporation.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PatchUnit'];
        };
      };
      responses: {
        /** @description The unit as it is now. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Unit'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a duplicate, or a transition the current state does not allow. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The `If-Match` version is stale. */
        412: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/units/{id}/candidates': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Eligible waiting clients for a unit, ranked, with score and breakdown (matcher)
     * @description Computed from the same snapshot a matching run reads: only pairs that pass every hard rule, ranked by the tiers of a run: urgent first, then the longer wait, then the normalised fit, then readySince and id.
     *
     *     Roles: matcher, admin.
     */
    get: {
      parameters: {
        query?: {
          limit?: number;
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The candidates. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CandidateList'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/units/{id}/candidates/{clientId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Why (not): every hard rule for one pair with its sentence, and the soft scores
     * @description Roles: matcher, admin.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          clientId: string;
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The evaluation. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['PairEvaluation'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/units/{id}/withdraw': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Withdraw a unit (corporation); withdrawing again changes nothing
     * @description Roles: corporation.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The withdrawn unit. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Unit'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a duplicate, or a transition the current state does not allow. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/units/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Import units from CSV (corporation): all rows or none
     * @description A header row naming the columns (any order, `,` or `;` separated): externalRef, type, street, houseNumber, postcode, municipalityCode, neighbourhoodCode, lat, lon, rent, serviceCosts, bedrooms, floor, hasLift, wheelchairAccessible, stimulus, furnished, availableFrom, contingentYear, omklapReviewAfterMonths, doorstroomMaxStayMonths, clusterId, selfContained, petsAllowed, seniorOnly. An empty cell is an absent field; booleans as true/false or ja/nee; decimals with . or ,. Any invalid row → 422 with an error per bad cell at `lines[n].column` (n is the line in the file; the header is line 1) and nothing stored. Rows identical to units already registered count as unchanged, so re-sending a file is safe. At most 10,000 rows; a line over 4,096 characters or a header of more than 64 columns is refused before parsing.
     *
     *     Roles: corporation.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'text/csv': string;
        };
      };
      responses: {
        /** @description Every row was registered already. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['UnitImportResult'];
          };
        };
        /** @description Imported. */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['UnitImportResult'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Your organisation's webhooks
     * @description An organisation's own webhooks only; another organisation's answers 404. See docs/notifications.md for the events, the signature and retries.
     *
     *     Roles: matcher, corporation, provider, viewer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description All of them. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Webhook'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Register a webhook for your organisation; the signing secret is shown once
     * @description An organisation's own webhooks only; another organisation's answers 404. See docs/notifications.md for the events, the signature and retries.
     *
     *     Roles: matcher, corporation, provider, viewer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateWebhook'];
        };
      };
      responses: {
        /** @description Registered. */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookWithSecret'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Conflict: a duplicate, or a transition the current state does not allow. */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Get a webhook (never its secret)
     * @description An organisation's own webhooks only; another organisation's answers 404. See docs/notifications.md for the events, the signature and retries.
     *
     *     Roles: matcher, corporation, provider, viewer.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The webhook. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Webhook'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /**
     * Delete a webhook and its delivery log
     * @description An organisation's own webhooks only; another organisation's answers 404. See docs/notifications.md for the events, the signature and retries. Deliveries not yet sent are dropped.
     *
     *     Roles: matcher, corporation, provider, viewer.
     */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted. */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Change the URL or event types, or (de)activate
     * @description An organisation's own webhooks only; another organisation's answers 404. See docs/notifications.md for the events, the signature and retries. Deactivating stops deliveries at once, retries included.
     *
     *     Roles: matcher, corporation, provider, viewer.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PatchWebhook'];
        };
      };
      responses: {
        /** @description The webhook now. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Webhook'];
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is too large. */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body has the wrong content type. */
        415: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The body is well-formed but invalid; `errors` lists every offending field. */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/api/v1/webhooks/{id}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A webhook's delivery log: status, attempts, last answer, oldest first
     * @description An organisation's own webhooks only; another organisation's answers 404. See docs/notifications.md for the events, the signature and retries.
     *
     *     Roles: matcher, corporation, provider, viewer.
     */
    get: {
      parameters: {
        query?: {
          /** @description The previous page's `nextCursor`, as it was handed out. */
          cursor?: string;
          limit?: number;
          status?: 'pending' | 'retrying' | 'delivered' | 'failed' | 'cancelled';
        };
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description A page. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['WebhookDelivery'][];
              nextCursor: string | null;
            };
          };
        };
        /** @description Malformed JSON or query string. */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/v1/webhooks/{id}/secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Rotate the signing secret; the new one is shown once
     * @description An organisation's own webhooks only; another organisation's answers 404. See docs/notifications.md for the events, the signature and retries. Every attempt from now on, retries included, is signed with the new secret.
     *
     *     Roles: matcher, corporation, provider, viewer.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          id: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Rotated. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookWithSecret'];
          };
        };
        /** @description No valid bearer token. */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The role may not do this. */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No such record, or not one of yours. */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Rate limited; see `Retry-After`. */
        429: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/docs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Swagger UI for the OpenAPI document */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The page. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/html': string;
          };
        };
        /** @description To `/docs/`, where the page’s relative asset links resolve. */
        301: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process is up */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Up. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ok';
            };
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Prometheus metrics */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Metrics. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/plain': string;
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This API as an OpenAPI 3.1 document */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The document. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              [key: string]: unknown;
            };
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: database and Redis reachable, migrations applied */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Ready. */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Readiness'];
          };
        };
        /** @description Unexpected error. */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not ready; `checks` says what is missing. */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
};
export type webhooks = Record<string, never>;
export type components = {
  schemas: {
    AuditEvent: {
      /** @example proposal.approved */
      action: string;
      /** @description Ids, codes and changed field names; never a client profile. */
      details: {
        [key: string]: unknown;
      };
      entityId: string;
      /** @example proposal */
      entityType: string;
      /** @description Grows with every row: the order of the trail. For a client shown by a logged read (`client.read`), `<read id>.<position>`: one read request, its clients in the order shown. */
      id: string;
      occurredAt: string;
      /**
       * Format: uuid
       * @description null: the service itself.
       */
      organisationId: string | null;
      requestId: string | null;
      /** Format: uuid */
      tokenId: string | null;
    };
    BulkResult: {
      created: number;
      unchanged: number;
      updated: number;
    };
    CandidateList: {
      items: {
        breakdown: {
          begeleiding: number;
          location: number;
          prikkelarm: number;
          spreiding: number;
          wait: number;
        };
        /** Format: uuid */
        clientId: string;
        /** @description Tier 4: the fit normalised per client over the region, as a run weighs it. */
        fit: number;
        policyVersion: number;
        /** @description The fit a matcher reads (location, spreiding, prikkelarm, begeleiding, less scarcity). */
        score: number;
        /** @description Tier 2: confirmed, waited past maxWaitDays, or must move soon. */
        urgent: boolean;
        /** @description Tier 3: whole days since readySince. */
        waitDays: number;
      }[];
      policyVersion: number;
      /** Format: uuid */
      unitId: string;
      unitStatus: string;
    };
    CapBlockedClients: {
      items: {
        /** Format: uuid */
        clientId: string;
        units: {
          caps: string[];
          /** Format: uuid */
          unitId: string;
        }[];
      }[];
      policyVersion: number;
      regionCode: string;
    };
    Checkin: {
      /** Format: uuid */
      clientId: string;
      createdAt: string;
      dueDate: string;
      /** Format: uuid */
      id: string;
      /** @description Months after the lease start: 3, 6 or 12. */
      months: number;
      /** Format: uuid */
      placementId: string;
      recordedOn: string | null;
      stablyHoused: boolean | null;
      /**
       * @description Open check-ins are upcoming, due (from the due date) or overdue (30 days after it).
       * @enum {string}
       */
      status: 'upcoming' | 'due' | 'overdue' | 'done' | 'cancelled';
      /** Format: uuid */
      unitId: string;
    };
    Client: {
      anchors: {
        /** @enum {string} */
        kind: 'family' | 'work' | 'daytime' | 'support' | 'other';
        lat: number;
        lon: number;
      }[];
      avoidCorporations: string[];
      avoidMunicipalities: string[];
      avoidNeighbourhoods: string[];
      closedAt: string | null;
      consent: {
        givenOn: string;
        /** @enum {string} */
        scope: 'matching' | 'matching_with_support';
      } | null;
      createdAt: string;
      externalRef: string;
      household: {
        adults: number;
        children: number;
      };
      huurtoeslagEligible: boolean;
      /** Format: uuid */
      id: string;
      /** @description Whether the matcher may consider this client today. */
      matchable: boolean;
      maxRent: number;
      municipalityOfBelonging: string;
      mustMoveBy: string | null;
      needs: {
        groundFloorOrLift: boolean;
        wheelchair: boolean;
      };
      notMatchableReasons: ('not_waiting' | 'no_consent' | 'parked')[];
      /** @description Set when the region's reason consequence parked the client (docs/workflow.md): the decline reason, how many declines, when. Null for a parking by hand. */
      parkedBy: {
        declines: number;
        parkedAt: string;
        reason: string;
      } | null;
      parkedUntil: string | null;
      pets: boolean;
      preferredMunicipalities: string[];
      /** Format: uuid */
      providerId: string;
      readySince: string;
      routes: ('contingent' | 'omklap' | 'skaeve_huis' | 'doorstroom')[];
      /** @enum {string} */
      status: 'waiting' | 'proposed' | 'placed' | 'withdrawn';
      /** @enum {string} */
      stimulusNeed: 'required' | 'preferred' | 'none';
      support: {
        /** @enum {string} */
        intensity: 'light' | 'regular' | 'intensive';
        /** Format: uuid */
        providerId: string | null;
      };
      /** @enum {string} */
      targetGroup: 'bw' | 'mo' | 'vo' | 'other';
      under23: boolean;
      updatedAt: string;
      urgencyConfirmedAt: string | null;
      /**
       * Format: uuid
       * @description The matchingspunt that confirmed the urgency.
       */
      urgencyConfirmedBy: string | null;
      /** @enum {string|null} */
      urgencyReason:
        'safety' | 'health' | 'stay_ending' | 'eviction' | 'shelter_capacity' | 'other' | null;
      /** @description Urgency confirmed by a matcher. */
      urgent: boolean;
      version: number;
    };
    ClientDataExport: {
      /** @description Every read of the profile by another organisation (`client.read`). */
      accessLog: {
        action: string;
        details: {
          [key: string]: unknown;
        };
        occurredAt: string;
        /** Format: uuid */
        organisationId: string | null;
        organisationKind: string | null;
        organisationName: string | null;
        /** Format: uuid */
        tokenId: string | null;
      }[];
      client: components['schemas']['Client'];
      exportedAt: string;
      /** @description Every other change recorded about the client (created, updated, …). */
      history: {
        action: string;
        details: {
          [key: string]: unknown;
        };
        occurredAt: string;
        /** Format: uuid */
        organisationId: string | null;
        organisationKind: string | null;
        organisationName: string | null;
        /** Format: uuid */
        tokenId: string | null;
      }[];
      /** @description Every tenancy after a placement, with its history and follow-up check-ins. */
      placements: {
        checkins: {
          dueDate: string;
          months: number;
          recordedOn: string | null;
          stablyHoused: boolean | null;
          status: string;
        }[];
        endDate: string | null;
        endedOn: string | null;
        endReason: string | null;
        events: {
          date: string;
          details: {
            [key: string]: unknown;
          };
          /** Format: uuid */
          organisationId: string | null;
          type: string;
        }[];
        /** Format: uuid */
        id: string;
        leaseStart: string;
        movingOnSince: string | null;
        municipalityCode: string;
        /** Format: uuid */
        proposalId: string;
        reviewDate: string | null;
        status: string;
        tenant: string;
        /** Format: uuid */
        unitId: string;
        unitType: string;
      }[];
      /** @description Every proposal for the client, with its decisions (party, reason, note). */
      proposals: {
        breakdown: {
          [key: string]: number;
        };
        closedAt: string | null;
        createdAt: string;
        decisions: {
          action: string;
          decidedAt: string;
          note: string | null;
          /** Format: uuid */
          organisationId: string | null;
          party: string;
          reason: string | null;
        }[];
        /** Format: uuid */
        id: string;
        leaseStart: string | null;
        origin: string;
        policyVersion: number;
        reason: string | null;
        rules: unknown[];
        score: number;
        status: string;
        unit: {
          /** Format: uuid */
          id: string;
          municipalityCode: string;
          neighbourhoodCode: string;
          type: string;
        };
      }[];
    };
    Contingent: {
      /** Format: uuid */
      corporationId: string;
      createdAt: string;
      /** Format: uuid */
      id: string;
      municipalityCode: string;
      /** @description Contingent homes of this corporation, municipality and year that are let. */
      placed: number;
      pledged: number;
      remaining: number;
      updatedAt: string;
      year: number;
    };
    CorporationProposal: {
      approvedAt: string | null;
      client: {
        household: {
          adults: number;
          children: number;
        };
        needs: {
          groundFloorOrLift: boolean;
          wheelchair: boolean;
        };
        /** @description The support arrangement, only when the client consented to share it (`matching_with_support`). */
        support: {
          /** @enum {string} */
          intensity: 'light' | 'regular' | 'intensive';
          /**
           * Format: uuid
           * @description The organisation that delivers the support.
           */
          providerId: string;
        } | null;
      };
      /** Format: uuid */
      clientId: string;
      /** @description After approval: by when the corporation accepts or declines. */
      corporationDeadline: string | null;
      /** @enum {string|null} */
      corporationDecision: 'accepted' | 'declined' | null;
      createdAt: string;
      /** @description When the open step expires (Dutch working days from the policy): the matcher’s, the earliest undecided side’s, or the placement’s. Kept as it was once the proposal closed. */
      deadline: string | null;
      /** Format: uuid */
      id: string;
      leaseStart: string | null;
      /** @description After approval: by when the provider accepts or declines. */
      providerDeadline: string | null;
      /** @enum {string|null} */
      providerDecision: 'accepted' | 'declined' | null;
      /** @description Why it ended (rejected, declined, cancelled, expired). */
      reason: string | null;
      regionCode: string;
      /** @enum {string} */
      status:
        | 'proposed'
        | 'approved'
        | 'accepted'
        | 'rejected'
        | 'declined'
        | 'placed'
        | 'cancelled'
        | 'expired';
      /** Format: uuid */
      unitId: string;
      updatedAt: string;
      version: number;
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      view: 'corporation';
    };
    Coverage: {
      items: {
        capacity: number;
        municipalityCode: string;
      }[];
      /** Format: uuid */
      organisationId: string;
    };
    /** @description The whole set: municipalities left out are no longer covered. */
    CoverageInput: {
      /** @description How many clients the provider can take on there. */
      capacity: number;
      /** @example GM0983 */
      municipalityCode: string;
    }[];
    /** @description A pseudonymised profile: no name, BSN, birth date, diagnosis or notes. */
    CreateClient: {
      /**
       * @description Network anchors (family, work, day activity…); rounded to 2 decimals (≈1 km).
       * @default []
       */
      anchors: {
        /** @enum {string} */
        kind: 'family' | 'work' | 'daytime' | 'support' | 'other';
        /** @example 51.37 */
        lat: number;
        /** @example 6.17 */
        lon: number;
      }[];
      /**
       * @description Corporations whose homes the client must not get (e.g. old rent arrears).
       * @default []
       */
      avoidCorporations: string[];
      /**
       * @description Never offered a home here, nor within the policy distance of it (for VO a safety exclusion zone).
       * @default []
       */
      avoidMunicipalities: string[];
      /**
       * @description Neighbourhoods never to get a home in, nor within the policy distance of.
       * @default []
       */
      avoidNeighbourhoods: string[];
      /**
       * @description Consent to share the profile with a corporation: `matching` (household and move-in needs) or `matching_with_support` (also the support arrangement). Without it the client is stored but never matched.
       * @default null
       */
      consent: {
        /**
         * Format: date
         * @example 2026-12-01
         */
        givenOn: string;
        /** @enum {string} */
        scope: 'matching' | 'matching_with_support';
      } | null;
      /**
       * @description Your own opaque reference: letters, digits and . _ / -, including a number; no name, date, BSN or diagnosis code.
       * @example WZ-2026-0042
       */
      externalRef: string;
      household: {
        adults: number;
        children: number;
      };
      /**
       * @description The household depends on huurtoeslag: the rent that counts stays within the aftoppingsgrens (passend toewijzen).
       * @default false
       */
      huurtoeslagEligible: boolean;
      /** @description Monthly rent in euro the household can afford. */
      maxRent: number;
      /**
       * @description Woonplaatsbeginsel.
       * @example GM0983
       */
      municipalityOfBelonging: string;
      /**
       * Format: date
       * @description The date by which the client must have moved (e.g. a stay ends).
       * @default null
       * @example 2026-12-01
       */
      mustMoveBy: string | null;
      /**
       * @default {
       *       "groundFloorOrLift": false,
       *       "wheelchair": false
       *     }
       */
      needs: {
        groundFloorOrLift: boolean;
        wheelchair: boolean;
      };
      /**
       * Format: date
       * @description Not matchable until this date (e.g. a hospital stay).
       * @default null
       * @example 2026-12-01
       */
      parkedUntil: string | null;
      /**
       * @description Moves with a pet.
       * @default false
       */
      pets: boolean;
      /**
       * @description In order of preference.
       * @default []
       */
      preferredMunicipalities: string[];
      /**
       * Format: date
       * @description Ready for uitstroom since: the wait clock.
       * @example 2026-12-01
       */
      readySince: string;
      /** @description Unit types this client may get; `skaeve_huis` is the Skaeve Huse indication. */
      routes: ('contingent' | 'omklap' | 'skaeve_huis' | 'doorstroom')[];
      /** @enum {string} */
      stimulusNeed: 'required' | 'preferred' | 'none';
      support: {
        /** @enum {string} */
        intensity: 'light' | 'regular' | 'intensive';
        /**
         * Format: uuid
         * @description Who gives the support; default: the registering provider.
         */
        providerId?: string;
      };
      /** @enum {string} */
      targetGroup: 'bw' | 'mo' | 'vo' | 'other';
      /**
       * @description The main tenant is under 23 (a flag, never a birth date): huurtoeslag only up to the kwaliteitskortingsgrens.
       * @default false
       */
      under23: boolean;
      /**
       * @description The provider's request for urgency, by reason code; a matcher confirms it (POST /clients/{id}/urgency). Changing it withdraws a confirmation.
       * @default null
       * @enum {string|null}
       */
      urgencyReason:
        'safety' | 'health' | 'stay_ending' | 'eviction' | 'shelter_capacity' | 'other' | null;
      /**
       * @description Deprecated: only `false` is accepted. Request urgency with urgencyReason.
       * @enum {boolean}
       */
      urgent?: false;
    };
    CreateContingent: {
      /** @example GM0983 */
      municipalityCode: string;
      /** @description Homes the corporation pledged for uitstroom that year (prestatieafspraken). */
      pledged: number;
      year: number;
    };
    CreatedToken: {
      createdAt: string;
      /** Format: uuid */
      id: string;
      label: string;
      lastUsedAt: string | null;
      /** Format: uuid */
      organisationId: string;
      /** @description The first characters, to recognise a token by. */
      prefix: string;
      revokedAt: string | null;
      /** @enum {string} */
      role: 'admin' | 'matcher' | 'corporation' | 'provider' | 'viewer';
      /** @description The secret; shown only in this response. */
      token: string;
    };
    /** @description A CBS gemeente with its approximate centroid. */
    CreateMunicipality: {
      /** @example GM0983 */
      code: string;
      /** @example 51.37 */
      lat: number;
      /** @example 6.17 */
      lon: number;
      name: string;
      /** @example noord-midden-limburg */
      regionCode: string;
    };
    /** @description A CBS buurt with its approximate centroid. */
    CreateNeighbourhood: {
      /** @example BU09830100 */
      code: string;
      /** @example 51.37 */
      lat: number;
      /** @example 6.17 */
      lon: number;
      /** @example GM0983 */
      municipalityCode: string;
      name: string;
    };
    CreateOrganisation: {
      /** @enum {string} */
      kind: 'matchingspunt' | 'corporatie' | 'zorgaanbieder' | 'welzijnsaanbieder' | 'gemeente';
      municipalityCodes?: string[];
      name: string;
      /** @example noord-midden-limburg */
      regionCode: string;
    };
    CreateRegion: {
      /** @example noord-midden-limburg */
      code: string;
      name: string;
    };
    CreateToken: {
      /** @example koppeling woonruimteverdeling */
      label: string;
      /** @enum {string} */
      role: 'admin' | 'matcher' | 'corporation' | 'provider' | 'viewer';
    };
    CreateUnit: {
      address: {
        /** @example 12A */
        houseNumber: string;
        /** @example GM0983 */
        municipalityCode: string;
        /** @example 5911 AB */
        postcode: string;
        /** @example Kerkstraat */
        street: string;
      };
      /**
       * Format: date
       * @example 2026-12-01
       */
      availableFrom: string;
      /** @description 0 is a studio. */
      bedrooms: number;
      /** @description Skaeve Huse cluster (at most 6 units, one municipality). */
      clusterId?: string;
      /** @description contingent only. */
      contingentYear?: number;
      /** @description doorstroom only: the longest stay. */
      doorstroom?: {
        maxStayMonths: number;
      };
      /**
       * @description Your own opaque reference: letters, digits and . _ / -, including a number; no name, date, BSN or diagnosis code.
       * @example WZ-2026-0042
       */
      externalRef: string;
      /** @description 0 is the ground floor. */
      floor: number;
      furnished: boolean;
      hasLift: boolean;
      location: {
        /** @example 51.37 */
        lat: number;
        /** @example 6.17 */
        lon: number;
      };
      /** @example BU09830100 */
      neighbourhoodCode: string;
      /** @description omklap only: when the provider-held lease is reviewed for flipping. */
      omklap?: {
        reviewAfterMonths: number;
      };
      /** @default true */
      petsAllowed: boolean;
      /** @description Monthly bare rent (kale huur) in euro. */
      rent: number;
      /**
       * @description Own front door, kitchen and toilet (zelfstandige woonruimte).
       * @default true
       */
      selfContained: boolean;
      /**
       * @description Labelled for seniors only: never proposed by the engine (it knows no ages), only by hand.
       * @default false
       */
      seniorOnly: boolean;
      /**
       * @description Monthly service costs that count for huurtoeslag, apart from the bare rent; the household pays both.
       * @default 0
       */
      serviceCosts: number;
      /** @enum {string} */
      stimulus: 'low' | 'medium' | 'high';
      /** @enum {string} */
      type: 'contingent' | 'omklap' | 'skaeve_huis' | 'doorstroom';
      wheelchairAccessible: boolean;
    };
    CreateWebhook: {
      /** @description Default true. */
      active?: boolean;
      /** @description The event types to deliver; see docs/notifications.md for each. */
      eventTypes: (
        | 'proposal.created'
        | 'proposal.approved'
        | 'proposal.rejected'
        | 'proposal.accepted'
        | 'proposal.declined'
        | 'proposal.placed'
        | 'proposal.cancelled'
        | 'proposal.expired'
        | 'proposal.deadline_near'
        | 'placement.review_due'
        | 'placement.omklap_flipped'
        | 'placement.omklap_extended'
        | 'placement.terugklap'
        | 'placement.ended'
        | 'placement.doorstroom_due'
        | 'checkin.due'
        | 'checkin.recorded'
      )[];
      /**
       * @description Where events are POSTed: https, no credentials, not a loopback, private or link-local address (a deployment may allow http and private addresses for testing).
       * @example https://hooks.example.org/matchpunt
       */
      url: string;
    };
    DecisionReasons: {
      corporation: {
        code: string;
        description: string;
      }[];
      matcher: {
        code: string;
        description: string;
      }[];
      provider: {
        code: string;
        description: string;
      }[];
      system: {
        code: string;
        description: string;
      }[];
    };
    MatchingRun: {
      attempts: number;
      createdAt: string;
      dryRun: boolean;
      error: string | null;
      finishedAt: string | null;
      /** Format: uuid */
      id: string;
      /** @description What-if changes to the region policy (dry runs only). */
      policyOverrides: {
        maxDistanceKm?: number;
        municipalityCaps?: {
          [key: string]: number;
        };
        neighbourhoodCap?: number;
        planningHorizonDays?: number;
        weights?: {
          begeleiding?: number;
          location?: number;
          prikkelarm?: number;
          spreiding?: number;
          wait?: number;
        };
      } | null;
      policyVersion: number | null;
      regionCode: string;
      startedAt: string | null;
      stats: components['schemas']['MatchingRunStats'];
      /** @enum {string} */
      status: 'queued' | 'running' | 'done' | 'failed';
      /** @enum {string} */
      trigger: 'change' | 'request' | 'nightly';
    };
    MatchingRunPassedOver: {
      items: {
        /** Format: uuid */
        clientId: string;
        /** @description Full cap areas: BU…, GM…, cluster:<id>. */
        fullCaps: string[];
        fullGroups: {
          municipalityCode: string;
          /** Format: uuid */
          providerId: string;
        }[];
        passedOverBy: {
          /** Format: uuid */
          clientId: string;
          rule: string | null;
          /** Format: uuid */
          unitId: string;
        }[];
        /** @description `cap`: a home of its stayed empty, its area cap full; `capacity`: the provider group it needed was full; `rule`: the homes given to clients who waited less are closed to it by a hard rule; `fit`: none of these. */
        reasons: ('cap' | 'capacity' | 'rule' | 'fit')[];
      }[];
      /** Format: uuid */
      runId: string;
    };
    MatchingRunPreview: {
      items: {
        breakdown: {
          [key: string]: number;
        };
        /** Format: uuid */
        clientId: string;
        score: number;
        /** Format: uuid */
        unitId: string;
      }[];
      /** Format: uuid */
      runId: string;
    };
    MatchingRunStats: {
      /** @description New pairs in the optimal assignment. */
      assigned: number;
      /** @description Clients open to matching (waiting). */
      clients: number;
      /** @description Dry runs: the same snapshot under the current policy and the changed one. */
      comparison?: {
        current: {
          assigned: number;
          objective: number;
          perMunicipality: {
            [key: string]: number;
          };
        };
        whatIf: {
          assigned: number;
          objective: number;
          perMunicipality: {
            [key: string]: number;
          };
        };
      };
      /** @description Their total normalised fit (tier 4). */
      fit: number;
      /** @description Open proposals kept as they are. */
      fixedPairs: number;
      greedyAssigned: number;
      greedyFit: number;
      greedyObjective: number;
      greedyUrgentHoused: number;
      greedyWaitDaysHoused: number;
      /** @description The whole run. */
      millis: number;
      /** @description Their total score. */
      objective: number;
      /** @description What the solver proves about the new pairs: exact, or the bound per tier and the first tier where it is higher. */
      optimality: {
        bound: {
          assigned: number;
          fit: number;
          urgent: number;
          waitDays: number;
        } | null;
        exact: boolean;
        gap: {
          amount: number;
          /** @enum {string} */
          tier: 'assigned' | 'urgent' | 'waitDays' | 'fit';
        } | null;
      };
      /** @description Allowed pairs scored. */
      pairs: number;
      /** @description Clients in the passed-over report (`GET /matching/runs/{id}/passed-over`). */
      passedOver: number;
      perMunicipality: {
        [key: string]: number;
      };
      phases: {
        load: number;
        /** @description Engine time after the exact solve: the greedy baseline, the new pairs' rule results, the passed-over report, and handing the result back from the engine thread (a dry run with overrides: also the comparison under the current policy). Absent on runs stored before it was measured. */
        report?: number;
        score: number;
        solve: number;
        store: number;
      };
      proposalsCreated: number;
      /** @description Units open to matching (available). */
      units: number;
      /** @description Urgent clients among the new pairs (tier 2). */
      urgentHoused: number;
      /** @description Days waited by the clients of the new pairs, in total (tier 3). */
      waitDaysHoused: number;
    } | null;
    Me: {
      organisation: components['schemas']['Organisation'];
      /** @enum {string} */
      role: 'admin' | 'matcher' | 'corporation' | 'provider' | 'viewer';
      /** Format: uuid */
      tokenId: string;
    };
    Municipality: {
      code: string;
      createdAt: string;
      lat: number;
      lon: number;
      name: string;
      regionCode: string;
    };
    Neighbourhood: {
      code: string;
      createdAt: string;
      lat: number;
      lon: number;
      municipalityCode: string;
      name: string;
    };
    Organisation: {
      createdAt: string;
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind:
        | 'platform'
        | 'matchingspunt'
        | 'corporatie'
        | 'zorgaanbieder'
        | 'welzijnsaanbieder'
        | 'gemeente';
      municipalityCodes: string[];
      name: string;
      regionCode: string | null;
    };
    PairEvaluation: {
      allowed: boolean;
      breakdown: {
        begeleiding: number;
        location: number;
        prikkelarm: number;
        spreiding: number;
        wait: number;
      };
      /** Format: uuid */
      clientId: string;
      clientStatus: string;
      penalties: {
        extraBedroom: number;
        lowStimulus: number;
        wheelchair: number;
      };
      policyVersion: number;
      rules: {
        /** @example RENT_ABOVE_MAX */
        code: string;
        message: string;
        passed: boolean;
      }[];
      score: number;
      /** Format: uuid */
      supportProviderId: string | null;
      /** Format: uuid */
      unitId: string;
      unitStatus: string;
      urgent: boolean;
      waitDays: number;
    };
    /** @description Only the fields to change. externalRef identifies the client and stays as it is. */
    PatchClient: {
      anchors?: {
        /** @enum {string} */
        kind: 'family' | 'work' | 'daytime' | 'support' | 'other';
        /** @example 51.37 */
        lat: number;
        /** @example 6.17 */
        lon: number;
      }[];
      avoidCorporations?: string[];
      avoidMunicipalities?: string[];
      avoidNeighbourhoods?: string[];
      consent?: {
        /**
         * Format: date
         * @example 2026-12-01
         */
        givenOn: string;
        /** @enum {string} */
        scope: 'matching' | 'matching_with_support';
      } | null;
      /**
       * @description Your own opaque reference: letters, digits and . _ / -, including a number; no name, date, BSN or diagnosis code.
       * @example WZ-2026-0042
       */
      externalRef?: string;
      household?: {
        adults: number;
        children: number;
      };
      huurtoeslagEligible?: boolean;
      /** @description Monthly rent in euro the household can afford. */
      maxRent?: number;
      /**
       * @description Woonplaatsbeginsel.
       * @example GM0983
       */
      municipalityOfBelonging?: string;
      /**
       * Format: date
       * @example 2026-12-01
       */
      mustMoveBy?: string | null;
      needs?: {
        groundFloorOrLift: boolean;
        wheelchair: boolean;
      };
      /**
       * Format: date
       * @example 2026-12-01
       */
      parkedUntil?: string | null;
      pets?: boolean;
      preferredMunicipalities?: string[];
      /**
       * Format: date
       * @description Ready for uitstroom since: the wait clock.
       * @example 2026-12-01
       */
      readySince?: string;
      /** @description Unit types this client may get; `skaeve_huis` is the Skaeve Huse indication. */
      routes?: ('contingent' | 'omklap' | 'skaeve_huis' | 'doorstroom')[];
      /** @enum {string} */
      stimulusNeed?: 'required' | 'preferred' | 'none';
      support?: {
        /** @enum {string} */
        intensity: 'light' | 'regular' | 'intensive';
        /**
         * Format: uuid
         * @description Who gives the support; default: the registering provider.
         */
        providerId?: string;
      };
      /** @enum {string} */
      targetGroup?: 'bw' | 'mo' | 'vo' | 'other';
      under23?: boolean;
      /** @enum {string|null} */
      urgencyReason?:
        'safety' | 'health' | 'stay_ending' | 'eviction' | 'shelter_capacity' | 'other' | null;
      /**
       * @description Deprecated: only `false` is accepted. Request urgency with urgencyReason.
       * @enum {boolean}
       */
      urgent?: false;
    };
    PatchContingent: {
      /** @description Homes the corporation pledged for uitstroom that year (prestatieafspraken). */
      pledged: number;
    };
    /** @description Only the fields to change. externalRef and type identify the unit and stay as they are. */
    PatchUnit: {
      address?: {
        /** @example 12A */
        houseNumber?: string;
        /** @example GM0983 */
        municipalityCode?: string;
        /** @example 5911 AB */
        postcode?: string;
        /** @example Kerkstraat */
        street?: string;
      };
      /**
       * Format: date
       * @example 2026-12-01
       */
      availableFrom?: string;
      /** @description 0 is a studio. */
      bedrooms?: number;
      /** @description Skaeve Huse cluster (at most 6 units, one municipality). */
      clusterId?: string;
      /** @description contingent only. */
      contingentYear?: number;
      /** @description doorstroom only: the longest stay. */
      doorstroom?: {
        maxStayMonths: number;
      };
      /**
       * @description Fixed: may only repeat the current value.
       * @example WZ-2026-0042
       */
      externalRef?: string;
      /** @description 0 is the ground floor. */
      floor?: number;
      furnished?: boolean;
      hasLift?: boolean;
      location?: {
        /** @example 51.37 */
        lat: number;
        /** @example 6.17 */
        lon: number;
      };
      /** @example BU09830100 */
      neighbourhoodCode?: string;
      /** @description omklap only: when the provider-held lease is reviewed for flipping. */
      omklap?: {
        reviewAfterMonths: number;
      };
      petsAllowed?: boolean;
      /** @description Monthly bare rent (kale huur) in euro. */
      rent?: number;
      selfContained?: boolean;
      seniorOnly?: boolean;
      serviceCosts?: number;
      /** @enum {string} */
      stimulus?: 'low' | 'medium' | 'high';
      /**
       * @description Fixed: may only repeat the current value.
       * @enum {string}
       */
      type?: 'contingent' | 'omklap' | 'skaeve_huis' | 'doorstroom';
      wheelchairAccessible?: boolean;
    };
    PatchWebhook: {
      /** @description false stops deliveries, including retries of earlier events. */
      active?: boolean;
      /** @description The event types to deliver; see docs/notifications.md for each. */
      eventTypes?: (
        | 'proposal.created'
        | 'proposal.approved'
        | 'proposal.rejected'
        | 'proposal.accepted'
        | 'proposal.declined'
        | 'proposal.placed'
        | 'proposal.cancelled'
        | 'proposal.expired'
        | 'proposal.deadline_near'
        | 'placement.review_due'
        | 'placement.omklap_flipped'
        | 'placement.omklap_extended'
        | 'placement.terugklap'
        | 'placement.ended'
        | 'placement.doorstroom_due'
        | 'checkin.due'
        | 'checkin.recorded'
      )[];
      /**
       * @description Where events are POSTed: https, no credentials, not a loopback, private or link-local address (a deployment may allow http and private addresses for testing).
       * @example https://hooks.example.org/matchpunt
       */
      url?: string;
    };
    Placement: {
      /** @description The follow-up (single reads, for everyone but the corporation). */
      checkins?: components['schemas']['Checkin'][];
      /** Format: uuid */
      clientId: string;
      /** Format: uuid */
      corporationId: string;
      createdAt: string;
      /** @description doorstroom only: the end of the stay. */
      endDate: string | null;
      endedOn: string | null;
      /** @enum {string|null} */
      endReason: 'ended' | 'moved_on' | 'returned_to_waiting' | null;
      /** @description The history, oldest first (single reads only; a corporation does not see check-ins). */
      events?: {
        date: string;
        details: {
          [key: string]: unknown;
        };
        /** Format: uuid */
        organisationId: string | null;
        recordedAt: string;
        type: string;
      }[];
      /** Format: uuid */
      id: string;
      leaseStart: string;
      /** @description doorstroom only: since when the client is matchable for a permanent home. */
      movingOnSince: string | null;
      municipalityCode: string;
      /** Format: uuid */
      proposalId: string;
      /** Format: uuid */
      providerId: string;
      regionCode: string;
      /** @description omklap only. */
      reviewDate: string | null;
      /** @description An omklap not flipped whose review date came. */
      reviewDue: boolean;
      /** @enum {string} */
      status: 'active' | 'flipped' | 'terugklap' | 'moving_on' | 'ended';
      /**
       * @description Who holds the lease: the provider while an omklap is not (or no longer) flipped.
       * @enum {string}
       */
      tenant: 'provider' | 'client';
      /** Format: uuid */
      unitId: string;
      /** @enum {string} */
      unitType: 'contingent' | 'omklap' | 'skaeve_huis' | 'doorstroom';
      updatedAt: string;
      version: number;
    };
    PlacementEvent:
      | {
          /**
           * Format: date
           * @description When it happened: on or after the lease start, not after today.
           * @example 2026-12-01
           */
          date: string;
          /** @enum {string} */
          type: 'omklap_flipped';
        }
      | {
          /**
           * Format: date
           * @description When it happened: on or after the lease start, not after today.
           * @example 2026-12-01
           */
          date: string;
          /**
           * Format: date
           * @description The new review date, after `date`.
           * @example 2026-12-01
           */
          reviewDate: string;
          /** @enum {string} */
          type: 'omklap_extended';
        }
      | {
          /**
           * Format: date
           * @description When it happened: on or after the lease start, not after today.
           * @example 2026-12-01
           */
          date: string;
          /** @enum {string} */
          type: 'terugklap';
        }
      | {
          /**
           * Format: date
           * @description When it happened: on or after the lease start, not after today.
           * @example 2026-12-01
           */
          date: string;
          /** @enum {string} */
          type: 'returned_to_waiting';
        }
      | {
          /**
           * Format: date
           * @description When it happened: on or after the lease start, not after today.
           * @example 2026-12-01
           */
          date: string;
          /** @description Which check-in; default the earliest open one due by `date`. */
          months?: 3 | 6 | 12;
          stablyHoused: boolean;
          /** @enum {string} */
          type: 'checkin';
        }
      | {
          /**
           * Format: date
           * @description When it happened: on or after the lease start, not after today.
           * @example 2026-12-01
           */
          date: string;
          /** @enum {string} */
          type: 'ended';
        };
    /** @description RFC 9457 problem details. */
    Problem: {
      /** @description Stable machine-readable error code. */
      code: string;
      detail: string;
      /** @description Every offending field; empty when the problem is not about fields. */
      errors: {
        message: string;
        path: string;
      }[];
      requestId: string;
      status: number;
      title: string;
      /** @example urn:matchpunt:problem:validation_failed */
      type: string;
    } & {
      [key: string]: unknown;
    };
    Proposal: {
      approvedAt: string | null;
      awaitingSecondMatcher: boolean;
      breakdown: {
        begeleiding: number;
        location: number;
        prikkelarm: number;
        spreiding: number;
        wait: number;
      };
      /** Format: uuid */
      clientId: string;
      /** @description After approval: by when the corporation accepts or declines. */
      corporationDeadline: string | null;
      /** @enum {string|null} */
      corporationDecision: 'accepted' | 'declined' | null;
      createdAt: string;
      /** @description When the open step expires (Dutch working days from the policy): the matcher’s, the earliest undecided side’s, or the placement’s. Kept as it was once the proposal closed. */
      deadline: string | null;
      /** Format: uuid */
      id: string;
      leaseStart: string | null;
      /** @enum {string} */
      origin: 'run' | 'manual';
      /** @description Hard rules a manual proposal broke on purpose (four-eyes). */
      overriddenRules: string[];
      policyVersion: number;
      /** @description After approval: by when the provider accepts or declines. */
      providerDeadline: string | null;
      /** @enum {string|null} */
      providerDecision: 'accepted' | 'declined' | null;
      /** @description Why it ended (rejected, declined, cancelled, expired). */
      reason: string | null;
      regionCode: string;
      /** @description Every hard rule and its result. */
      rules: {
        /** @example RENT_ABOVE_MAX */
        code: string;
        message: string;
        passed: boolean;
      }[];
      /** Format: uuid */
      runId: string | null;
      score: number;
      /** @enum {string} */
      status:
        | 'proposed'
        | 'approved'
        | 'accepted'
        | 'rejected'
        | 'declined'
        | 'placed'
        | 'cancelled'
        | 'expired';
      /** Format: uuid */
      unitId: string;
      updatedAt: string;
      version: number;
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      view: 'matcher';
    };
    ProposalListItem: {
      approvedAt: string | null;
      awaitingSecondMatcher: boolean;
      breakdown: {
        begeleiding: number;
        location: number;
        prikkelarm: number;
        spreiding: number;
        wait: number;
      };
      /** Format: uuid */
      clientId: string;
      /** @description After approval: by when the corporation accepts or declines. */
      corporationDeadline: string | null;
      /** @enum {string|null} */
      corporationDecision: 'accepted' | 'declined' | null;
      createdAt: string;
      /** @description When the open step expires (Dutch working days from the policy): the matcher’s, the earliest undecided side’s, or the placement’s. Kept as it was once the proposal closed. */
      deadline: string | null;
      /** Format: uuid */
      id: string;
      leaseStart: string | null;
      /** @enum {string} */
      origin: 'run' | 'manual';
      /** @description Hard rules a manual proposal broke on purpose (four-eyes). */
      overriddenRules: string[];
      policyVersion: number;
      /** @description After approval: by when the provider accepts or declines. */
      providerDeadline: string | null;
      /** @enum {string|null} */
      providerDecision: 'accepted' | 'declined' | null;
      /** @description Why it ended (rejected, declined, cancelled, expired). */
      reason: string | null;
      regionCode: string;
      /** Format: uuid */
      runId: string | null;
      score: number;
      /** @enum {string} */
      status:
        | 'proposed'
        | 'approved'
        | 'accepted'
        | 'rejected'
        | 'declined'
        | 'placed'
        | 'cancelled'
        | 'expired';
      /** Format: uuid */
      unitId: string;
      updatedAt: string;
      version: number;
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      view: 'matcher';
    };
    ProposalListView:
      | components['schemas']['ProposalListItem']
      | components['schemas']['CorporationProposal']
      | components['schemas']['ProviderProposal'];
    ProposalView:
      | components['schemas']['Proposal']
      | components['schemas']['CorporationProposal']
      | components['schemas']['ProviderProposal'];
    ProviderProposal: {
      approvedAt: string | null;
      /** Format: uuid */
      clientId: string;
      /** @description After approval: by when the corporation accepts or declines. */
      corporationDeadline: string | null;
      /** @enum {string|null} */
      corporationDecision: 'accepted' | 'declined' | null;
      createdAt: string;
      /** @description When the open step expires (Dutch working days from the policy): the matcher’s, the earliest undecided side’s, or the placement’s. Kept as it was once the proposal closed. */
      deadline: string | null;
      /** Format: uuid */
      id: string;
      leaseStart: string | null;
      /** @description After approval: by when the provider accepts or declines. */
      providerDeadline: string | null;
      /** @enum {string|null} */
      providerDecision: 'accepted' | 'declined' | null;
      /** @description Why it ended (rejected, declined, cancelled, expired). */
      reason: string | null;
      regionCode: string;
      /** @enum {string} */
      status:
        | 'proposed'
        | 'approved'
        | 'accepted'
        | 'rejected'
        | 'declined'
        | 'placed'
        | 'cancelled'
        | 'expired';
      unit: {
        address: {
          houseNumber: string;
          municipalityCode: string;
          postcode: string;
          street: string;
        };
        availableFrom: string;
        bedrooms: number;
        floor: number;
        furnished: boolean;
        hasLift: boolean;
        neighbourhoodCode: string;
        rent: number;
        serviceCosts: number;
        /** @enum {string} */
        stimulus: 'low' | 'medium' | 'high';
        /** @enum {string} */
        type: 'contingent' | 'omklap' | 'skaeve_huis' | 'doorstroom';
        wheelchairAccessible: boolean;
      };
      /** Format: uuid */
      unitId: string;
      updatedAt: string;
      version: number;
      /**
       * @description discriminator enum property added by openapi-typescript
       * @enum {string}
       */
      view: 'provider';
    };
    Readiness: {
      checks: {
        /** @enum {string} */
        database: 'up' | 'down';
        /** @enum {string} */
        migrations: 'applied' | 'pending' | 'unknown';
        /** @enum {string} */
        redis: 'up' | 'down';
      };
      /** @enum {string} */
      status: 'ready' | 'unavailable';
    };
    Region: {
      code: string;
      createdAt: string;
      name: string;
    };
    RegionPolicy: {
      /**
       * @description Unit types neither stopped by nor counted in the area caps.
       * @default [
       *       "omklap",
       *       "skaeve_huis"
       *     ]
       */
      capExemptTypes: ('contingent' | 'omklap' | 'skaeve_huis' | 'doorstroom')[];
      capWindowMonths: number;
      /**
       * @description Placements plus open proposals a Skaeve Huse cluster may hold.
       * @default 6
       */
      clusterCap: number;
      createdAt: string;
      deadlines: {
        corporationDays: number;
        matcherDays: number;
        placementDays: number;
        providerDays: number;
      };
      /**
       * @description Months before a doorstroom stay ends that the client becomes matchable again for a permanent home, as urgent (reason stay_ending); never for another doorstroom home.
       * @default 3
       */
      doorstroomLeadMonths: number;
      /**
       * @description Configured fair shares per municipality (any scale); empty: each municipality's part of the year's contingent pledges.
       * @default {}
       */
      fairShares: {
        [key: string]: number;
      };
      maxDistanceKm: number;
      /**
       * @description Acceptable distance from the network per unit type; others use maxDistanceKm.
       * @default {
       *       "skaeve_huis": 50
       *     }
       */
      maxDistanceKmByType: {
        contingent?: number;
        doorstroom?: number;
        omklap?: number;
        skaeve_huis?: number;
      };
      /**
       * @description A client waiting longer than this many days counts as urgent.
       * @default 365
       */
      maxWaitDays: number;
      /**
       * @description Homes closer than this to an avoided municipality or neighbourhood (its nearest neighbourhood centroid or centre) are refused.
       * @default 5
       */
      minDistanceKmFromAvoided: number;
      municipalityCaps: {
        [key: string]: number;
      };
      /**
       * @description A client whose mustMoveBy lies within this many days counts as urgent.
       * @default 60
       */
      mustMoveUrgentDays: number;
      neighbourhoodCap: number;
      planningHorizonDays: number;
      /**
       * @description Consequences of a provider declining for a reason: a client declined for it `after` times within `withinMonths` (counted since it was last parked) is parked for `parkDays` days: not matched until then.
       * @default []
       */
      reasonConsequences: {
        after: number;
        parkDays: number;
        /** @enum {string} */
        reason:
          | 'location_refused'
          | 'support_cannot_be_arranged'
          | 'client_not_reachable'
          | 'client_declines';
        withinMonths: number;
      }[];
      regionCode: string;
      /**
       * @description Dutch rent limits per year: a run uses its own year, else the last year before it.
       * @default {
       *       "2025": {
       *         "kwaliteitskortingsgrens": 477.2,
       *         "aftoppingsgrensLow": 682.96,
       *         "aftoppingsgrensHigh": 731.93,
       *         "liberalisatiegrens": 900.07
       *       },
       *       "2026": {
       *         "kwaliteitskortingsgrens": 498.2,
       *         "aftoppingsgrensLow": 712.37,
       *         "aftoppingsgrensHigh": 763.47,
       *         "liberalisatiegrens": 932.93
       *       }
       *     }
       */
      rentLimits: {
        [key: string]: {
          /** @description Households of three or more persons. */
          aftoppingsgrensHigh: number;
          /** @description Households of one or two persons. */
          aftoppingsgrensLow: number;
          kwaliteitskortingsgrens: number;
          liberalisatiegrens: number;
        };
      };
      /**
       * @description Only the client's own provider may give the support; otherwise any contracted provider that can deliver it there (the own one preferred).
       * @default false
       */
      requireOwnProvider: boolean;
      retentionMonths: number;
      /**
       * @description Fit taken off for a scarce feature the client does not need.
       * @default {
       *       "wheelchair": 0.05,
       *       "lowStimulus": 0.05,
       *       "extraBedroom": 0.03
       *     }
       */
      scarcity: {
        /** @default 0.03 */
        extraBedroom: number;
        /** @default 0.05 */
        lowStimulus: number;
        /** @default 0.05 */
        wheelchair: number;
      };
      version: number;
      weights: {
        begeleiding: number;
        location: number;
        prikkelarm: number;
        spreiding: number;
        wait: number;
      };
    };
    /** @description Only the fields to change, at any depth; municipalityCaps is replaced whole. The policy that results must be valid as a whole. */
    RegionPolicyPatch: {
      /** @description Unit types neither stopped by nor counted in the area caps. */
      capExemptTypes?: ('contingent' | 'omklap' | 'skaeve_huis' | 'doorstroom')[];
      capWindowMonths?: number;
      /** @description Placements plus open proposals a Skaeve Huse cluster may hold. */
      clusterCap?: number;
      /** @description Dutch working days each step may take: the matcher from the proposal, each side from approval, the corporation from both accepting to the placement. */
      deadlines?: {
        corporationDays?: number;
        matcherDays?: number;
        /** @description From both sides accepting to the lease being recorded. */
        placementDays?: number;
        providerDays?: number;
      };
      /** @description Months before a doorstroom stay ends that the client becomes matchable again for a permanent home, as urgent (reason stay_ending); never for another doorstroom home. */
      doorstroomLeadMonths?: number;
      /** @description Configured fair shares per municipality (any scale); empty: each municipality's part of the year's contingent pledges. */
      fairShares?: {
        [key: string]: number;
      };
      /** @description How far from an anchor or the municipality of belonging a unit may be. */
      maxDistanceKm?: number;
      /** @description Acceptable distance from the network per unit type; others use maxDistanceKm. */
      maxDistanceKmByType?: {
        contingent?: number;
        doorstroom?: number;
        omklap?: number;
        skaeve_huis?: number;
      };
      /** @description A client waiting longer than this many days counts as urgent. */
      maxWaitDays?: number;
      /** @description Homes closer than this to an avoided municipality or neighbourhood (its nearest neighbourhood centroid or centre) are refused. */
      minDistanceKmFromAvoided?: number;
      /** @description Optional caps per municipality, same counting as the neighbourhood cap. */
      municipalityCaps?: {
        [key: string]: number;
      };
      /** @description A client whose mustMoveBy lies within this many days counts as urgent. */
      mustMoveUrgentDays?: number;
      /** @description Placements plus open proposals a neighbourhood may hold within the cap window. */
      neighbourhoodCap?: number;
      /** @description A unit is considered when its availableFrom lies within this many days. */
      planningHorizonDays?: number;
      /** @description Consequences of a provider declining for a reason: a client declined for it `after` times within `withinMonths` (counted since it was last parked) is parked for `parkDays` days: not matched until then. */
      reasonConsequences?: {
        after: number;
        parkDays: number;
        /** @enum {string} */
        reason:
          | 'location_refused'
          | 'support_cannot_be_arranged'
          | 'client_not_reachable'
          | 'client_declines';
        withinMonths: number;
      }[];
      /** @description Dutch rent limits per year: a run uses its own year, else the last year before it. */
      rentLimits?: {
        [key: string]: {
          /** @description Households of three or more persons. */
          aftoppingsgrensHigh: number;
          /** @description Households of one or two persons. */
          aftoppingsgrensLow: number;
          kwaliteitskortingsgrens: number;
          liberalisatiegrens: number;
        };
      };
      /** @description Only the client's own provider may give the support; otherwise any contracted provider that can deliver it there (the own one preferred). */
      requireOwnProvider?: boolean;
      /** @description Months after closing that a client record is anonymised. */
      retentionMonths?: number;
      /** @description Fit taken off for a scarce feature the client does not need. */
      scarcity?: {
        extraBedroom?: number;
        lowStimulus?: number;
        wheelchair?: number;
      };
      /** @description Relative weights of the fit criteria; they need not sum to 1. `wait` is kept for older versions and not used: waiting is a priority tier. */
      weights?: {
        begeleiding?: number;
        location?: number;
        prikkelarm?: number;
        spreiding?: number;
        wait?: number;
      };
    };
    /** @description The whole policy: every field (municipalityCaps may be left out: none). */
    RegionPolicyReplace: {
      /** @description Unit types neither stopped by nor counted in the area caps. */
      capExemptTypes: ('contingent' | 'omklap' | 'skaeve_huis' | 'doorstroom')[];
      capWindowMonths: number;
      /** @description Placements plus open proposals a Skaeve Huse cluster may hold. */
      clusterCap: number;
      /** @description Dutch working days each step may take: the matcher from the proposal, each side from approval, the corporation from both accepting to the placement. */
      deadlines: {
        corporationDays: number;
        matcherDays: number;
        /** @description From both sides accepting to the lease being recorded. */
        placementDays: number;
        providerDays: number;
      };
      /** @description Months before a doorstroom stay ends that the client becomes matchable again for a permanent home, as urgent (reason stay_ending); never for another doorstroom home. */
      doorstroomLeadMonths: number;
      /**
       * @description Configured fair shares per municipality (any scale); empty: each municipality's part of the year's contingent pledges.
       * @default {}
       */
      fairShares: {
        [key: string]: number;
      };
      /** @description How far from an anchor or the municipality of belonging a unit may be. */
      maxDistanceKm: number;
      /** @description Acceptable distance from the network per unit type; others use maxDistanceKm. */
      maxDistanceKmByType: {
        contingent?: number;
        doorstroom?: number;
        omklap?: number;
        skaeve_huis?: number;
      };
      /** @description A client waiting longer than this many days counts as urgent. */
      maxWaitDays: number;
      /** @description Homes closer than this to an avoided municipality or neighbourhood (its nearest neighbourhood centroid or centre) are refused. */
      minDistanceKmFromAvoided: number;
      /**
       * @description Optional caps per municipality, same counting as the neighbourhood cap.
       * @default {}
       */
      municipalityCaps: {
        [key: string]: number;
      };
      /** @description A client whose mustMoveBy lies within this many days counts as urgent. */
      mustMoveUrgentDays: number;
      /** @description Placements plus open proposals a neighbourhood may hold within the cap window. */
      neighbourhoodCap: number;
      /** @description A unit is considered when its availableFrom lies within this many days. */
      planningHorizonDays: number;
      /**
       * @description Consequences of a provider declining for a reason: a client declined for it `after` times within `withinMonths` (counted since it was last parked) is parked for `parkDays` days: not matched until then.
       * @default []
       */
      reasonConsequences: {
        after: number;
        parkDays: number;
        /** @enum {string} */
        reason:
          | 'location_refused'
          | 'support_cannot_be_arranged'
          | 'client_not_reachable'
          | 'client_declines';
        withinMonths: number;
      }[];
      /** @description Dutch rent limits per year: a run uses its own year, else the last year before it. */
      rentLimits: {
        [key: string]: {
          /** @description Households of three or more persons. */
          aftoppingsgrensHigh: number;
          /** @description Households of one or two persons. */
          aftoppingsgrensLow: number;
          kwaliteitskortingsgrens: number;
          liberalisatiegrens: number;
        };
      };
      /** @description Only the client's own provider may give the support; otherwise any contracted provider that can deliver it there (the own one preferred). */
      requireOwnProvider: boolean;
      /** @description Months after closing that a client record is anonymised. */
      retentionMonths: number;
      /** @description Fit taken off for a scarce feature the client does not need. */
      scarcity: {
        extraBedroom: number;
        lowStimulus: number;
        wheelchair: number;
      };
      /** @description Relative weights of the fit criteria; they need not sum to 1. `wait` is kept for older versions and not used: waiting is a priority tier. */
      weights: {
        begeleiding: number;
        location: number;
        prikkelarm: number;
        spreiding: number;
        wait: number;
      };
    };
    ReportOverview: {
      /** @description The day stocks (waiting) are counted on: `to`, or today if that is earlier. */
      asOf: string;
      from: string;
      /** @description The municipalities counted. */
      municipalityCodes: string[];
      /** @description Small-number protection, for a gemeente; null for exact figures. */
      protection: {
        /** @description How a count below the threshold is shown. */
        primary: string;
        /** @description How a count hidden so that a small one cannot be worked out is shown. */
        secondary: string;
        threshold: number;
      } | null;
      regionCode: string;
      tables: {
        /** @description Contingent pledges of the years in the period against placements in pledged homes. Columns: year, municipalityCode, corporationId, corporationName, pledged, placed. */
        contingents: {
          [key: string]: number | string | null;
        }[];
        /** @description Rejections, declines, cancellations and expiries in the period, by party and reason. Columns: municipalityCode, targetGroup, action, party, reason, count. */
        declines: {
          [key: string]: number | string | null;
        }[];
        /** @description Follow-up check-ins due in the period, 3, 6 and 12 months after the lease start: stably housed, not, not yet recorded. Columns: municipalityCode, targetGroup, months, stablyHoused, notStablyHoused, notRecorded, due, stablyHousedShare. */
        followUp: {
          [key: string]: number | string | null;
        }[];
        /** @description Clients registered in the period. Columns: municipalityCode, targetGroup, registered. */
        instroom: {
          [key: string]: number | string | null;
        }[];
        /** @description Load per neighbourhood now (open proposals and placements in the cap window) and its cap. Columns: municipalityCode, neighbourhoodCode, load, cap. */
        neighbourhoodLoad: {
          [key: string]: number | string | null;
        }[];
        /** @description Changes to tenancies in the period: omklap flips, extensions and terugklap, returns to waiting, doorstroom moving on and moves, ended tenancies. Columns: municipalityCode, targetGroup, omklapFlipped, omklapExtended, terugklap, returnedToWaiting, doorstroomMovingOn, doorstroomMovedOn, ended. */
        placementChanges: {
          [key: string]: number | string | null;
        }[];
        /** @description Uitstroom: placements whose lease started in the period, by unit type. Columns: municipalityCode, targetGroup, contingent, omklap, skaeveHuis, doorstroom, total. */
        placements: {
          [key: string]: number | string | null;
        }[];
        /** @description Proposals made in the period, by what became of them. Columns: municipalityCode, targetGroup, proposed, approved, accepted, placed, rejected, declined, cancelled, expired, total. */
        proposals: {
          [key: string]: number | string | null;
        }[];
        /** @description Matching runs finished in the period: the optimal assignment against greedy. Columns: regionCode, runs, assigned, greedyAssigned, objective, greedyObjective, gain, gainPercent. */
        runs: {
          [key: string]: number | string | null;
        }[];
        /** @description Days from ready for uitstroom to the lease start, for placements in the period. Columns: municipalityCode, targetGroup, placed, medianDays, p90Days. */
        timeToPlacement: {
          [key: string]: number | string | null;
        }[];
        /** @description Clients waiting at the end of the period, by time since ready for uitstroom. Columns: municipalityCode, targetGroup, under3Months, months3To6, months6To12, over12Months, total. */
        waiting: {
          [key: string]: number | string | null;
        }[];
      };
      to: string;
    };
    Token: {
      createdAt: string;
      /** Format: uuid */
      id: string;
      label: string;
      lastUsedAt: string | null;
      /** Format: uuid */
      organisationId: string;
      /** @description The first characters, to recognise a token by. */
      prefix: string;
      revokedAt: string | null;
      /** @enum {string} */
      role: 'admin' | 'matcher' | 'corporation' | 'provider' | 'viewer';
    };
    Unit: {
      address: {
        houseNumber: string;
        municipalityCode: string;
        postcode: string;
        street: string;
      };
      availableFrom: string;
      bedrooms: number;
      clusterId: string | null;
      contingentYear: number | null;
      /** Format: uuid */
      corporationId: string;
      createdAt: string;
      doorstroom: {
        maxStayMonths: number;
      } | null;
      externalRef: string;
      floor: number;
      furnished: boolean;
      hasLift: boolean;
      /** Format: uuid */
      id: string;
      location: {
        lat: number;
        lon: number;
      };
      neighbourhoodCode: string;
      omklap: {
        reviewAfterMonths: number;
      } | null;
      petsAllowed: boolean;
      rent: number;
      selfContained: boolean;
      seniorOnly: boolean;
      serviceCosts: number;
      /** @enum {string} */
      status: 'available' | 'proposed' | 'let' | 'withdrawn';
      /** @enum {string} */
      stimulus: 'low' | 'medium' | 'high';
      /** @enum {string} */
      type: 'contingent' | 'omklap' | 'skaeve_huis' | 'doorstroom';
      updatedAt: string;
      version: number;
      wheelchairAccessible: boolean;
      withdrawnAt: string | null;
    };
    UnitImportResult: {
      /** @description Rows stored as new units. */
      created: number;
      total: number;
      /** @description Rows identical to a unit already registered. */
      unchanged: number;
    };
    UrgencyDecision: {
      /** @description true confirms the urgency, false declines or withdraws it. */
      confirm: boolean;
      /**
       * @description Defaults to the provider's requested reason.
       * @enum {string}
       */
      reason?: 'safety' | 'health' | 'stay_ending' | 'eviction' | 'shelter_capacity' | 'other';
    };
    Webhook: {
      active: boolean;
      createdAt: string;
      eventTypes: string[];
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      organisationId: string;
      secretRotatedAt: string;
      updatedAt: string;
      url: string;
    };
    WebhookDelivery: {
      attempts: number;
      createdAt: string;
      deliveredAt: string | null;
      /**
       * Format: uuid
       * @description The `id` in the delivered body.
       */
      eventId: string;
      eventType: string;
      /** Format: uuid */
      id: string;
      lastAttemptAt: string | null;
      lastError: string | null;
      lastStatusCode: number | null;
      /**
       * @description pending: not tried yet; retrying: failed, another attempt follows; delivered: a 2xx came back; failed: every attempt failed; cancelled: the webhook was deactivated first.
       * @enum {string}
       */
      status: 'pending' | 'retrying' | 'delivered' | 'failed' | 'cancelled';
    };
    WebhookWithSecret: {
      active: boolean;
      createdAt: string;
      eventTypes: string[];
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      organisationId: string;
      /** @description The signing secret: shown only in this answer. Keep it; verify every delivery with it. */
      secret: string;
      secretRotatedAt: string;
      updatedAt: string;
      url: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
};
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
