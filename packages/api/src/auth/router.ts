import { publishActivity } from '../dashboard/activity.ts';
import { DomainError } from '../errors.ts';
import { consumeAuthAttempt } from '../rate-limit.ts';
import { publicProcedure, router } from '../trpc.ts';
import { authenticate } from './accounts.ts';
import * as contract from './contract.ts';
import {
  changePassword,
  requestPasswordReset,
  verifyResetCode,
  verifyResetLink,
} from './password-reset.ts';
import {
  completeRegistrationByLink,
  completeRegistrationByOtp,
  startRegistration,
} from './registration.ts';
import { issueTokenPair, revokeFamilyOf, rotateRefreshToken } from './token-pairs.ts';

const { authRoutes: routes } = contract;

export const authRouter = router({
  signup: publicProcedure
    .meta(routes.signup)
    .input(contract.signupInput)
    .output(contract.signupOutput)
    .mutation(async ({ ctx, input }) => {
      await consumeAuthAttempt(ctx, 'signup', input.email);

      if (!input.otp) {
        await startRegistration(ctx, { ...input, password: input.password1 });
        return { status: 'Otp sent' as const };
      }
      const done = await completeRegistrationByOtp(ctx, input.email, input.otp, input.industry);
      return {
        refresh: done.refresh,
        access: done.access,
        user: done.user.email,
        user_type: done.user.userType,
        status: 'Success' as const,
      };
    }),

  verifyHash: publicProcedure
    .meta(routes.verifyHash)
    .input(contract.verifyHashInput)
    .output(contract.verifyHashOutput)
    .mutation(async ({ ctx, input }) => {
      await consumeAuthAttempt(ctx, 'signup', undefined);

      const done = await completeRegistrationByLink(ctx, input.hash);
      return {
        refresh: done.refresh,
        access: done.access,
        email: done.user.email,
        user_type: done.user.userType,
        status: 'Success' as const,
      };
    }),

  signin: publicProcedure
    .meta(routes.signin)
    .input(contract.signinInput)
    .output(contract.signinOutput)
    .mutation(async ({ ctx, input }) => {
      await consumeAuthAttempt(ctx, 'signin', input.email);

      const user = await authenticate(ctx, input.email, input.password);
      const tokens = await issueTokenPair(ctx, user.id);

      await publishActivity(ctx, 'user.signed_in', user.id);
      return { ...tokens, user: user.email, user_type: user.userType };
    }),

  refresh: publicProcedure
    .meta(routes.refresh)
    .input(contract.refreshInput)
    .output(contract.refreshOutput)
    .mutation(({ ctx, input }) => rotateRefreshToken(ctx, input.refresh)),

  signout: publicProcedure
    .meta(routes.signout)
    .input(contract.signoutInput)
    .output(contract.signoutOutput)
    .mutation(async ({ ctx, input }) => {
      const userId = await revokeFamilyOf(ctx, input.refresh);
      if (userId === null) throw new DomainError('invalid_refresh_token', 'Unknown refresh token.');

      await publishActivity(ctx, 'user.signed_out', userId);
      return { status: 'Logged out' as const };
    }),

  forgetPassword: publicProcedure
    .meta(routes.forgetPassword)
    .input(contract.forgetPasswordInput)
    .output(contract.forgetPasswordOutput)
    .mutation(async ({ ctx, input }) => {
      await consumeAuthAttempt(ctx, 'forget-password', input.email);

      if (input.hash) {
        return { status: 'Verified' as const, email: await verifyResetLink(ctx, input.hash) };
      }
      const email = input.email!;
      if (input.password1) {
        await changePassword(ctx, email, input.password1);
        return { status: 'Password Changed' as const, email };
      }
      if (input.otp) {
        await verifyResetCode(ctx, email, input.otp);
        return { status: 'Verified' as const, email };
      }
      await requestPasswordReset(ctx, email);
      return { status: 'Reset Password OTP sent.' as const, email };
    }),
});
