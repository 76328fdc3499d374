import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { sha256Hex } from '../persisted-queries';
import { WIDGET_POSTED } from './widget/operations';
import { GraphQLSchema, isObjectType } from 'graphql';
import { RUNS_COMPILED } from '../../project-root';

export interface WidgetFeatures {
  /**
   * Live "spots left" (Subscription.registrationCounts), the inline form (Mutation.register, with seats
   * held while it is open: holdSeats, releaseSeatHold) and the manage view (Query.myRegistration,
   * Mutation.cancelRegistration, and Mutation.claimInvitation for an invited party).
   */
  registrations: boolean;
}

export const WIDGET_ENTRY = path.join(__dirname, 'widget/widget.ts');

/** The file `npm run build` writes each variant of the bundle to, beside the compiled widget-bundle.js. */
export const prebuiltWidgetFile = (features: WidgetFeatures): string => `widget.${features.registrations ? 'live' : 'list'}.bundle.js`;

/** The widget's live parts switch on only when the running schema actually has the API they call. */
export function widgetFeaturesOf(schema: GraphQLSchema): WidgetFeatures {
  const fields = (type: unknown) => (isObjectType(type) ? type.getFields() : {});
  const subscription = fields(schema.getSubscriptionType());
  const mutation = fields(schema.getMutationType());
  const query = fields(schema.getQueryType());
  return {
    registrations: 'registrationCounts' in subscription && 'register' in mutation && 'holdSeats' in mutation && 'releaseSeatHold' in mutation
      && 'cancelRegistration' in mutation && 'claimInvitation' in mutation && 'myRegistration' in query,
  };
}

/**
 * Bundles src/edge/browser/widget with esbuild (already installed as tsx's engine) into one ES2019 IIFE. The feature
 * flag is a compile-time constant, so a disabled feature's code is removed, not merely skipped.
 */
export async function buildWidget(features: WidgetFeatures): Promise<string> {
  // Compiled (`npm run build`), the bundles were made at build time beside this file: nothing is
  // bundled on a request. From TypeScript (tests, tsx) the source is bundled as it is now.
  if (RUNS_COMPILED) return fs.promises.readFile(path.join(__dirname, prebuiltWidgetFile(features)), 'utf8');
  const result = await build({
    entryPoints: [WIDGET_ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    write: false,
    legalComments: 'none',
    define: { __CG_REGISTRATIONS__: String(features.registrations), __CG_HASHES__: JSON.stringify(Object.fromEntries(Object.entries(WIDGET_POSTED).map(([name, body]) => [name, sha256Hex(body)]))) },
    banner: { js: '/* Community Graph events widget: see /docs/embedding */' },
  });
  return result.outputFiles[0].text;
}

export const gzippedBytes = (code: string): number => gzipSync(Buffer.from(code), { level: 9 }).length;
