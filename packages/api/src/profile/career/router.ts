import type { TRPCRouterRecord } from '@trpc/server';
import { authedProcedure } from '../../trpc.ts';
import {
  addCertification,
  certificationToWire,
  listCertifications,
  removeCertification,
  updateCertification,
} from './certification.ts';
import * as contract from './contract.ts';
import {
  addEducation,
  educationToWire,
  listEducations,
  removeEducation,
  updateEducation,
} from './education.ts';
import {
  addExperience,
  experienceToWire,
  listExperiences,
  removeExperience,
  updateExperience,
} from './experience.ts';

const { experienceRoutes, educationRoutes, certificationRoutes } = contract;

const experience = {
  list: authedProcedure
    .meta(experienceRoutes.list)
    .output(contract.listExperienceOutput)
    .query(async ({ ctx }) => (await listExperiences(ctx, ctx.user.id)).map(experienceToWire)),

  add: authedProcedure
    .meta(experienceRoutes.add)
    .input(contract.addExperienceInput)
    .output(contract.experienceItem)
    .mutation(async ({ ctx, input }) =>
      experienceToWire(await addExperience(ctx, ctx.user.id, input)),
    ),

  update: authedProcedure
    .meta(experienceRoutes.update)
    .input(contract.updateExperienceInput)
    .output(contract.experienceItem)
    .mutation(async ({ ctx, input }) =>
      experienceToWire(await updateExperience(ctx, ctx.user.id, input)),
    ),

  remove: authedProcedure
    .meta(experienceRoutes.remove)
    .input(contract.removeExperienceInput)
    .output(contract.removedOutput)
    .mutation(({ ctx, input }) => removeExperience(ctx, ctx.user.id, input.experience_id)),
} satisfies TRPCRouterRecord;

const education = {
  list: authedProcedure
    .meta(educationRoutes.list)
    .output(contract.listEducationOutput)
    .query(async ({ ctx }) => (await listEducations(ctx, ctx.user.id)).map(educationToWire)),

  add: authedProcedure
    .meta(educationRoutes.add)
    .input(contract.addEducationInput)
    .output(contract.educationItem)
    .mutation(async ({ ctx, input }) =>
      educationToWire(await addEducation(ctx, ctx.user.id, input)),
    ),

  update: authedProcedure
    .meta(educationRoutes.update)
    .input(contract.updateEducationInput)
    .output(contract.educationItem)
    .mutation(async ({ ctx, input }) =>
      educationToWire(await updateEducation(ctx, ctx.user.id, input)),
    ),

  remove: authedProcedure
    .meta(educationRoutes.remove)
    .input(contract.removeEducationInput)
    .output(contract.removedOutput)
    .mutation(({ ctx, input }) => removeEducation(ctx, ctx.user.id, input.education_id)),
} satisfies TRPCRouterRecord;

const certification = {
  list: authedProcedure
    .meta(certificationRoutes.list)
    .output(contract.listCertificationOutput)
    .query(async ({ ctx }) =>
      (await listCertifications(ctx, ctx.user.id)).map(certificationToWire),
    ),

  add: authedProcedure
    .meta(certificationRoutes.add)
    .input(contract.addCertificationInput)
    .output(contract.certificationItem)
    .mutation(async ({ ctx, input }) =>
      certificationToWire(await addCertification(ctx, ctx.user.id, input)),
    ),

  update: authedProcedure
    .meta(certificationRoutes.update)
    .input(contract.updateCertificationInput)
    .output(contract.certificationItem)
    .mutation(async ({ ctx, input }) =>
      certificationToWire(await updateCertification(ctx, ctx.user.id, input)),
    ),

  remove: authedProcedure
    .meta(certificationRoutes.remove)
    .input(contract.removeCertificationInput)
    .output(contract.removedOutput)
    .mutation(({ ctx, input }) => removeCertification(ctx, ctx.user.id, input.certification_id)),
} satisfies TRPCRouterRecord;

/** A member's career history: `profile.experience.*`, `.education.*`, `.certification.*`. */
export const careerRouter = { experience, education, certification } satisfies TRPCRouterRecord;
