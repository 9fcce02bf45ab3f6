/**
 * A small piece of application code that uses the generated Petstore SDK: what a user of the
 * SDK would write, and test with the kit (example-app.test.ts).
 */
import type { Client, Pet } from "../.out/sdk/petstore/index.js";

/** A pet's display label, or a note that it does not exist. */
export async function petLabel(api: Client, petId: number): Promise<string> {
  try {
    const pet = await api.pets.getPetById({ petId });
    return pet.tag === undefined ? pet.name : `${pet.name} (${pet.tag})`;
  } catch (error) {
    if (api.pets.getPetById.isError(error) && error.status === 404) return `no pet ${petId}: ${error.body.message}`;
    throw error;
  }
}

/** The names of the pets with any of these tags that can be adopted now. */
export async function adoptableNames(api: Client, tags: readonly string[]): Promise<string[]> {
  const pets: Pet[] = await api.pets.listPets({ status: "available", tags: [...tags], limit: 50 });
  return pets.map((pet) => pet.name).sort();
}

/** Adds a pet, or explains which fields the store refused. */
export async function register(api: Client, name: string): Promise<{ id: number } | { refused: string[] }> {
  try {
    const pet = await api.pets.addPet({ body: { name, status: "available" } });
    return { id: pet.id };
  } catch (error) {
    if (api.pets.addPet.isError(error)) return { refused: error.body.fields };
    throw error;
  }
}
