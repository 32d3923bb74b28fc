// Submission packages for the desk's tests, made by the site's own package builder (createPackage) from the
// typical application, real PDFs (jsPDF) and the media fixtures; and a hostile zip made by hand.
import { readFileSync } from 'node:fs';
import { jsPDF } from 'jspdf';
import type { Application } from '../../src/core/application/types';
import type { AttachmentCategory } from '../../src/core/draft/types';
import { createPackage, type CreatedPackage } from '../../src/core/package/createPackage';
import type { PackageAttachment } from '../../src/core/package/layout';

export const NOW = '2021-07-12T01:30:00.000Z';

const media = (name: string) => new URL(`../fixtures/media/${name}`, import.meta.url).pathname;

// Read from disk rather than imported: Playwright's loader (the browser tests use these too) wants import attributes for JSON.
const fixtureText = readFileSync(new URL('../fixtures/typical-application.json', import.meta.url), 'utf8');

export function typical(): Application {
  return JSON.parse(fixtureText) as Application;
}

/** A real PDF of `pages` pages with its title on each. */
export function pdfOf(pages: number, title: string): Blob {
  const doc = new jsPDF({ unit: 'pt', format: 'a4' });
  for (let i = 0; i < pages; i += 1) {
    if (i > 0) doc.addPage();
    doc.text(`${title} ${i + 1}`, 72, 72);
  }
  return new Blob([doc.output('arraybuffer')], { type: 'application/pdf' });
}

function attachment(category: AttachmentCategory, name: string, data: Blob, order: number, caption?: string): PackageAttachment {
  return { meta: { id: `${category}-${order}`, draftId: 'd', category, name, type: data.type, size: data.size, order, addedAt: NOW, ...(caption === undefined ? {} : { caption }) }, data };
}

export interface SampleOptions {
  video?: boolean;
  app?: Application;
}

/** Every attachment the notice asks for: the video, two captioned photos, one proof per starred kind. */
export function sampleAttachments({ video = true }: SampleOptions = {}): PackageAttachment[] {
  const file = (name: string, type: string) => new Blob([readFileSync(media(name))], { type });
  const list = [
    attachment('photos', 'outside.jpg', file('outside.jpg', 'image/jpeg'), 0, '外景'),
    attachment('photos', 'inside.png', file('inside.png', 'image/png'), 1, '内景'),
    attachment('proof.investment', '经费.pdf', pdfOf(2, 'investment'), 0),
    attachment('proof.innovations', '专利证书.pdf', pdfOf(3, 'patent'), 0),
    attachment('proof.economicBenefit', '效益.pdf', pdfOf(1, 'benefit'), 0),
    attachment('proof.talents', '人才.pdf', pdfOf(1, 'talents'), 0),
    attachment('proof.honors', '荣誉.pdf', pdfOf(1, 'honors'), 0),
  ];
  if (video) list.unshift(attachment('video', 'studio-tour.mp4', file('studio-tour.mp4', 'video/mp4'), 0));
  return list;
}

export async function samplePackage(options: SampleOptions = {}): Promise<CreatedPackage> {
  const pdfs = { form: pdfOf(4, 'form'), formA3: pdfOf(2, 'formA3'), materials: pdfOf(6, 'materials') };
  return createPackage(options.app ?? typical(), { pdfs, attachments: sampleAttachments(options) }, { now: NOW });
}

/** A second candidate: another studio of another unit, from another 推荐单位. */
export function otherApplication(studioName: string, unitName: string): Application {
  const app = typical();
  app.cover.studioName = studioName;
  app.cover.unitName = unitName;
  app.cover.recommender = '青山湖区总工会';
  return app;
}
