// Input schemas for accounts, shared by the forms (to show the rules up front) and the server.
import { z } from "zod";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const PASSWORD_RULES = [
  `At least ${PASSWORD_MIN} characters (a few words make a good password).`,
  "Not the same as your email address.",
] as const;

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address." }));

export const password = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const displayName = z
  .string()
  .trim()
  .min(1, "Enter a display name.")
  .max(60, "Use at most 60 characters.");

/** Sign-up makes learners only: a role in the form is ignored (teacher access is granted by an admin). */
export const signUpInput = z
  .object({ displayName, email, password })
  .refine((input) => input.password.toLowerCase() !== input.email, {
    path: ["password"],
    message: "Your password cannot be your email address.",
  });
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().min(1).max(PASSWORD_MAX),
});

export const changePasswordInput = z
  .object({ currentPassword: z.string().min(1, "Enter your current password."), newPassword: password })
  .refine((input) => input.currentPassword !== input.newPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });

export const changeDisplayNameInput = z.object({ displayName });

export const deleteAccountInput = z.object({
  password: z.string().min(1, "Enter your password to confirm."),
});

export const resetWithTokenInput = z.object({ token: z.string().min(20).max(200), newPassword: password });
